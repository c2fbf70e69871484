"""The Settings window: one page per area (practice, offices, staff, fees, money, terms)."""
