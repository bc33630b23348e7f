"""The doctrine as the rule files state it: parsed rules and their annotations, the
authorities, the vocabulary of fact files, the claim schema, the rules in force and their
transforms (lifted over a case, with derivation atoms)."""
