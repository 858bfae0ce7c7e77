"""Root of the Python suites (Tests/Conformance, Tests/EndToEnd): their shared fixtures come from
Tests/pysupport (on the path through pytest.ini)."""

pytest_plugins = ("ecsfleet_fixtures",)
