"""Game content as data: balance rules, campaign order, dialogue."""
