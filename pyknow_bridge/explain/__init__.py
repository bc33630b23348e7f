"""Building explanations: why each conclusion holds, and why the others do not."""
