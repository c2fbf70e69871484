"""The chairside presentation: patient display, coordinator console, controller."""
