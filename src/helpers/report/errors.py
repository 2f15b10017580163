"""The one error that stops a build; its message is meant for the user as it is."""


class ReportError(Exception):
    """A problem that stops the build: a bad parameter file, invalid data, a failing notebook."""
