from entraide.core.testing import Rule, members_only

RULES = [
    Rule(
        "networks:detail",
        kwargs=lambda w: {"network": w.network.slug},
        expect=members_only(other_network_admin=404),
    ),
    Rule(
        "networks:detail",
        kwargs=lambda w: {"network": w.other_network.slug},
        expect=members_only(other_network_admin=200),
        default=404,
    ),
]
