"""The rules lifted over a case argument, so that one grounding holds many cases.

The rules are written for one case. :func:`lift_over_case` (clingo's AST API) adds a
case identifier as the first argument of every atom of a statement, and a ``case(C)``
condition to every rule body; the facts of case ``C`` get the same first argument.
Cases then do not interact: the certain and possible conclusions of the combined
program are exactly each case's own.
"""

from __future__ import annotations

from clingo import ast

#: The predicate naming the cases of a combined program: ``case(C)``.
CASE = "case"
CASE_VARIABLE = "CASE"


class _LiftOverCase(ast.Transformer):
    """Adds the case variable as the first argument of every atom."""

    def visit_SymbolicAtom(self, node: ast.AST) -> ast.AST:  # noqa: N802 (clingo's naming)
        return ast.SymbolicAtom(_lift_term(node.symbol))


def _lift_term(term: ast.AST) -> ast.AST:
    location = term.location
    if term.ast_type == ast.ASTType.Pool:
        return ast.Pool(location, [_lift_term(t) for t in term.arguments])
    if term.ast_type == ast.ASTType.Function:
        case = ast.Variable(location, CASE_VARIABLE)
        return ast.Function(location, term.name, [case, *term.arguments], term.external)
    if term.ast_type == ast.ASTType.SymbolicTerm:  # a constant atom such as `p.`
        case = ast.Variable(location, CASE_VARIABLE)
        return ast.Function(location, term.symbol.name, [case], False)
    return term


def lift_over_case(statement: ast.AST) -> ast.AST:
    """The statement for many cases at once: every atom takes the case as first argument."""
    kind = statement.ast_type
    if kind == ast.ASTType.Rule:
        lifted = _LiftOverCase()(statement)
        location = statement.location
        case_atom = ast.SymbolicAtom(
            ast.Function(location, CASE, [ast.Variable(location, CASE_VARIABLE)], False)
        )
        guard = ast.Literal(location, ast.Sign.NoSign, case_atom)
        return ast.Rule(location, lifted.head, [guard, *lifted.body])
    if kind == ast.ASTType.Defined:
        return ast.Defined(
            statement.location, statement.name, statement.arity + 1, statement.positive
        )
    if kind == ast.ASTType.ShowSignature:
        return ast.ShowSignature(
            statement.location, statement.name, statement.arity + 1, statement.positive
        )
    return statement
