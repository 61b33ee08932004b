"""consistency: check whether news outlets agree with each other."""
