"""The solvers: they take the rules in force and a case, and return plain atoms with their
modality (certain, possible) or every scenario of a dispute. Nothing here knows a claim."""
