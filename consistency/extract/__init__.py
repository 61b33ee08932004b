"""Extract: split articles into claims and fill their slots (attribution, time, quantities, entities, polarity)."""
