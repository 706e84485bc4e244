"""The registers: companies, citizens, staff and municipalities.

Search and paging of each list, the values of a record's form, saving and archiving, and the
one definition per register of what its fields accept (record_fields, shared with imports) and
what its form asks for (record_forms).
"""
