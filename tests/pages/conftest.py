"""The Hypothesis profiles these tests draw with are registered in tests/conftest.py."""
