"""Parameter validation: every bad value is one clear error naming parameter, value and choices."""

import pandas as pd
import pytest

from helpers import paths
from helpers.params.checks import ParameterError, validate
from helpers.params.declared import declared_parameters


def namespace(notebook="01_meeting_cadence", **overrides):
    """A notebook's globals as papermill leaves them: IPython's names, then its parameters."""
    defaults = declared_parameters(paths.NOTEBOOKS / f"{notebook}.ipynb")
    return {"In": [], "Out": {}, "get_ipython": print, "_": None, **defaults, **overrides}


def test_defaults_validate(tables):
    params = validate(namespace(), "01_meeting_cadence", tables)
    assert params.start_date == pd.Timestamp("2017-08-01")
    assert params.as_of is None and params.actors == () and params.figures_dir is None


def test_actors_as_list_or_comma_string(tables):
    assert validate(namespace(actors=["kono", "lavrov"]), "01_meeting_cadence", tables).actors == (
        "kono",
        "lavrov",
    )
    assert validate(namespace(actors="kono, lavrov"), "01_meeting_cadence", tables).actors == (
        "kono",
        "lavrov",
    )


def test_unknown_actor_names_parameter_value_and_choices(tables):
    with pytest.raises(ParameterError) as caught:
        validate(namespace(actors="kono,gromyko"), "01_meeting_cadence", tables)
    message = str(caught.value)
    assert "'actors'" in message and "'gromyko'" in message and "valid choices:" in message
    assert "lavrov" in message


def test_end_before_start(tables):
    with pytest.raises(
        ParameterError, match=r"'end_date' = '2017-07-01' is before 'start_date' = '2017-08-01'"
    ):
        validate(namespace(end_date="2017-07-01"), "01_meeting_cadence", tables)


@pytest.mark.parametrize(("name", "value"), [("start_date", "1st of August"), ("as_of", "2017-02-30")])
def test_unparseable_dates(tables, name, value):
    with pytest.raises(ParameterError, match=rf"'{name}' = '{value}' is not a date: expected YYYY-MM-DD"):
        validate(namespace(**{name: value}), "01_meeting_cadence", tables)


def test_undeclared_parameter_is_an_error(tables):
    with pytest.raises(
        ParameterError, match=r"does not declare parameter\(s\) 'colour'; it declares: start_date"
    ):
        validate(namespace(colour="red"), "01_meeting_cadence", tables)


def test_parameter_of_another_notebook_is_undeclared(tables):
    with pytest.raises(ParameterError, match="'categories'"):
        validate(namespace(categories=["energy"]), "01_meeting_cadence", tables)


def test_boolean_from_string(tables):
    assert validate(namespace(include_planned="false"), "01_meeting_cadence", tables).include_planned is False
    assert validate(namespace(include_context="false"), "01_meeting_cadence", tables).include_context is False
    with pytest.raises(ParameterError, match="'include_context' = 'often' is not a boolean"):
        validate(namespace(include_context="often"), "01_meeting_cadence", tables)
    with pytest.raises(ParameterError, match="'include_planned' = 'maybe' is not a boolean"):
        validate(namespace(include_planned="maybe"), "01_meeting_cadence", tables)


def test_categories_checked_against_the_schema_enum(tables):
    ns = namespace("02_sanction_escalation", categories="energy,weapons")
    with pytest.raises(
        ParameterError, match="unknown value\\(s\\) 'weapons'; valid choices: minerals_metals"
    ):
        validate(ns, "02_sanction_escalation", tables)


def test_modules_and_functions_are_not_parameters(tables):
    import math

    ns = namespace(math=math, helper=len)
    assert validate(ns, "01_meeting_cadence", tables).notebook == "01_meeting_cadence"
