"""The text sources in data/: read and check them, build the database from them, import into and export from them."""
