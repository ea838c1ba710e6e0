"""The query layer: everything the routes ask of the database, ready for templates to show."""
