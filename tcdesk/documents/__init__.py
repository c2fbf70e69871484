"""Printed documents: the financial agreement and the take-home summary (reportlab)."""
