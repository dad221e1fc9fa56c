"""``pk__in`` with a number no database integer can hold matches nothing.

Django answers ``filter(pk=2**63)`` with an empty result, but ``filter(pk__in=[2**63])``
reaches the database driver, which fails (SQLite: OverflowError; PostgreSQL: out of
range). A form's choice of ids typed by hand would then be a 500. Such a value can
match no row, so it is dropped from the list before the query is built.
"""

from django.db.models import IntegerField
from django.db.models.lookups import In


class IntegerFieldIn(In):
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            internal_type = self.lhs.output_field.get_internal_type()
            low, high = connection.ops.integer_field_range(internal_type)
            self.rhs = [
                value
                for value in self.rhs
                if not isinstance(value, int)
                or ((low is None or value >= low) and (high is None or value <= high))
            ]
        return super().process_rhs(compiler, connection)


def register() -> None:
    IntegerField.register_lookup(IntegerFieldIn)
