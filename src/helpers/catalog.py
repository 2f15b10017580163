"""The notebooks and the parameters each declares: the one list the driver, the parameter
validation and the tests share. Kept free of heavy imports, so that a report build with
nothing to do can decide so without loading pandas or papermill."""

SHARED = ("start_date", "end_date", "include_planned", "as_of", "figures_dir")
NOTEBOOK_PARAMETERS: dict[str, tuple[str, ...]] = {
    "00_data_audit": SHARED,
    "01_meeting_cadence": (*SHARED, "actors", "kinds", "include_context"),
    "02_sanction_escalation": (*SHARED, "categories", "include_context"),
    "03_summit_schedule": (*SHARED, "kinds"),
    "04_plans_vs_outcomes": SHARED,
}
