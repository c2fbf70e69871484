"""Signing in and locking: the sign-in window, the lock over the desk and the console,
the idle timer, and the PIN dialog of Settings > Staff (services: ``sign_in``)."""
