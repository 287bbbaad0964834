"""Drawing. Everything here reads simulation state and never changes it."""
