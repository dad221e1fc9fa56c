"""Network pages for members, and the network's own management pages."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from entraide.networks.permissions import can_manage_network
from entraide.networks.selectors import network_for


@login_required
def network_detail(request, network):
    network, membership = network_for(request.user, network)
    regions = network.regions.prefetch_related("subregions")
    return render(
        request,
        "networks/network_detail.html",
        {
            "network": network,
            "membership": membership,
            "regions": regions,
            "organisation_count": network.organisations.count(),
            "member_count": network.memberships.count(),
            "can_manage": can_manage_network(membership),
        },
    )
