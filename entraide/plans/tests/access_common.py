"""What the plan's access rules share: the World's representative and her seat."""

import datetime

from entraide.communities.models import Seat, SeatTerm


def seat_representative(world) -> None:
    """Today's seat of the World's regional committee member for its sub-region:
    she then represents it (follow-ups, dashboard, exports). Given once."""
    if world.extra.get("plans_seat"):
        return
    today = datetime.date.today()
    seat = Seat.objects.create(
        community=world.regional_committee, subregion=world.subregion, number=1
    )
    SeatTerm.objects.create(
        seat=seat,
        holder=world.people["regional_committee"],
        starts_on=today - datetime.timedelta(days=30),
        ends_on=today + datetime.timedelta(days=365),
    )
    world.extra["plans_seat"] = True
