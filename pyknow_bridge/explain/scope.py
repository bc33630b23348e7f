"""The jurisdiction each rule belongs to, read off its conditions.

A rule belongs to a jurisdiction when it requires that jurisdiction's claim guard
(``dc_claim(P, D)``), or an atom that only rules of that jurisdiction derive
(``ny_class_statute`` is derived only under ``ny_claim``, so a rule requiring it is a New
York rule too). Computed to a fixed point, so nothing is listed by hand: a "why not" of
a D.C. claim never tries a New York rule, however indirectly it is guarded.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from pyknow_bridge.doctrine.rulebook import RuleEntry, Signature
from pyknow_bridge.explain.matching import CompiledRule


def rule_jurisdictions(
    rules: Iterable[tuple[RuleEntry, CompiledRule]], guards: Mapping[str, str]
) -> dict[str, str]:
    """Each rule id whose rule belongs to one jurisdiction, with that jurisdiction."""
    of_guard = {guard: jurisdiction for jurisdiction, guard in guards.items()}
    rules = list(rules)
    by_head: dict[Signature, list[str]] = defaultdict(list)
    for entry, _ in rules:
        if entry.head is not None:
            by_head[entry.head].append(entry.rule_id)
    owner: dict[str, str] = {}
    predicate_owner: dict[Signature, str] = {}
    changed = True
    while changed:
        changed = False
        for entry, compiled in rules:
            if entry.rule_id in owner:
                continue
            for condition in compiled.conditions:
                if condition.atom is None or condition.negated:
                    continue
                signature = (condition.atom.name, len(condition.atom.args))
                found = predicate_owner.get(signature)
                if found is None and signature[1] == 2:
                    found = of_guard.get(signature[0])
                if found is not None:
                    owner[entry.rule_id] = found
                    changed = True
                    break
        for signature, rule_ids in by_head.items():
            if signature in predicate_owner:
                continue
            owners = {owner[rule_id] for rule_id in rule_ids if rule_id in owner}
            if len(owners) == 1 and all(rule_id in owner for rule_id in rule_ids):
                predicate_owner[signature] = next(iter(owners))
                changed = True
    return owner
