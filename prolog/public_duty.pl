% The public duty doctrine as Prolog (views: none).
% Generated from the clingo rules by `pyknow-bridge export --prolog`; do not edit.
% Each clause names the rule file and line it comes from.
:- module(public_duty, [pkb_consult_facts/1, pkb_certain/1, pkb_possible/1]).
:- set_prolog_flag(double_quotes, string).
:- dynamic((acted/3, activity/2, agent/2, as_of/1, breached/2, case_name/1, child_of/2, citation/1, claim/2, conduct_by/2, confirmation_received/1, contact/2, contact_for/3, course_of_conduct/2, deadline_passed/1, decided/1, defeater_excused/3, defendant/1, discretionary_position/1, disputed/1, endangered_by_assistance/1, expected_confirmation/1, extraordinary_chain/1, harmed_by/2, harmed_by_agent/2, harmed_by_condition/2, helpless_class/1, household_member/2, immunity_asserted/1, immunity_untimely/1, judgment_exercised/1, jurisdiction/1, knew_not_performed/1, knew_of_promise/2, knew_risk/2, known_blatant_danger/2, mandatory/1, member/2, ministerial/1, name/2, negligent_conduct/2, no_knock_entry/2, order_known/2, order_of_protection/2, ordinary_negligence/1, own_initiative/2, person/1, plaintiff/1, policy_decision/1, private_right/1, promised/3, promised_to_other/3, proprietary/2, protects_class/2, public_at_large/1, regulation/1, reliance_unrelated/1, relied/2, reported_threat/3, requested_protection/2, statute/1, third_party/1, took_control/2, used_by_police/2, whereabouts_unknown/1)).
:- discontiguous((acts_for/2, applied_year/1, changed_conduct/1, conduct_not_shown_discretionary/1, dc_claim/2, dc_conduct_not_discretionary/1, dc_discretionary_conduct/2, dc_element/1, dc_helpless_class/2, dc_immunity_reached/2, dc_something_undertaken/2, dc_statutory_class/2, dc_words_only/3, derivation/3, direct_contact/2, discretion_proved/1, discretionary_conduct/2, duty/2, element/4, immunity/3, immunity_excluded/2, immunity_independent/2, immunity_reached/2, in_force/1, jurisdiction_claim/2, jurisdiction_name/2, justifiable_reliance/2, law_period/3, law_year/1, no_proximate_cause/2, ny_assuming_act/1, ny_claim/2, ny_class_statute/3, ny_element/1, ny_undertaking/2, ny_undertaking_by_act/2, ordinary_duty/2, outcome/3, own_initiative_shown/1, promise_dependent_on_arrest/2, protective_act/1, protective_conduct/2, protective_promise/1, public_duty_bar/2, recovery_barred/2, reliance_defeated/3, route_element/3, special_duty/2, special_duty_basis/3, timely_asserted/1, undertaking_act/3, undertaking_promise/3)).
:- table((acts_for/2, applied_year/1, changed_conduct/1, conduct_not_shown_discretionary/1, dc_claim/2, dc_conduct_not_discretionary/1, dc_discretionary_conduct/2, dc_element/1, dc_helpless_class/2, dc_immunity_reached/2, dc_something_undertaken/2, dc_statutory_class/2, dc_words_only/3, derivation/3, direct_contact/2, discretion_proved/1, discretionary_conduct/2, duty/2, element/4, immunity/3, immunity_excluded/2, immunity_independent/2, immunity_reached/2, in_force/1, jurisdiction_claim/2, jurisdiction_name/2, justifiable_reliance/2, law_period/3, law_year/1, no_proximate_cause/2, ny_assuming_act/1, ny_claim/2, ny_class_statute/3, ny_element/1, ny_undertaking/2, ny_undertaking_by_act/2, ordinary_duty/2, outcome/3, own_initiative_shown/1, promise_dependent_on_arrest/2, protective_act/1, protective_conduct/2, protective_promise/1, public_duty_bar/2, recovery_barred/2, reliance_defeated/3, route_element/3, special_duty/2, special_duty_basis/3, timely_asserted/1, undertaking_act/3, undertaking_promise/3)).

% ---------------------------------------------------------------------------
% Prelude: the same in every generated program. Library predicates are called with
% their module (`lists:member`): the doctrine's own `member/2` is a fact of a case.
% ---------------------------------------------------------------------------

% clingo's order of terms: #inf < numbers < constants < strings < functions (by
% arity, name, arguments) < #sup.
pkb_key('#inf', k(0, 0, 0, [])) :- !.
pkb_key('#sup', k(9, 0, 0, [])) :- !.
pkb_key(N, k(1, N, 0, [])) :- integer(N), !.
pkb_key(S, k(3, S, 0, [])) :- string(S), !.
pkb_key(A, k(2, 0, A, [])) :- atom(A), !.
pkb_key(T, k(R, Arity, Name, Keys)) :-
    compound_name_arguments(T, Name, Args),
    length(Args, Arity),
    ( Arity =:= 0 -> R = 2 ; R = 4 ),
    pkb_keys(Args, Keys).
pkb_keys([], []).
pkb_keys([A|As], [K|Ks]) :- pkb_key(A, K), pkb_keys(As, Ks).
pkb_compare(Order, A, B) :- pkb_key(A, KA), pkb_key(B, KB), compare(Order, KA, KB).
pkb_eq(A, B) :- A == B.
pkb_ne(A, B) :- A \== B.
pkb_lt(A, B) :- pkb_compare(<, A, B).
pkb_gt(A, B) :- pkb_compare(>, A, B).
pkb_le(A, B) :- \+ pkb_compare(>, A, B).
pkb_ge(A, B) :- \+ pkb_compare(<, A, B).

% All or nothing: a fact that cannot be asserted (of a rule's predicate, say) takes
% back those asserted before it, then raises.
pkb_assert_all(Facts) :- pkb_assert_all(Facts, []).
pkb_assert_all([], _).
pkb_assert_all([F|Fs], Done) :-
    catch(assertz(F), Error, (pkb_retract_all(Done), throw(Error))),
    pkb_assert_all(Fs, [F|Done]).
pkb_retract_all([]).
pkb_retract_all([F|Fs]) :- once(retract(F)), pkb_retract_all(Fs).

% Terms written as clingo writes them.
pkb_write(T) :- integer(T), !, write(T).
pkb_write(T) :- atom(T), !, write(T).
pkb_write(T) :- string(T), !,
    write('"'),
    (   pkb_plain(T)
    ->  write(T)
    ;   string_codes(T, Codes), forall(lists:member(C, Codes), pkb_put(C))
    ),
    write('"').
pkb_write(T) :-
    compound_name_arguments(T, Name, Args),
    (   Name == ''
    ->  write('('), pkb_write_arguments(Args), ( Args = [_] -> write(',') ; true ), write(')')
    ;   write(Name), write('('), pkb_write_arguments(Args), write(')')
    ).
pkb_write_arguments([]).
pkb_write_arguments([A|As]) :-
    pkb_write(A), forall(lists:member(B, As), (write(','), pkb_write(B))).
% A string without a character to escape (every rule id) is written as it is.
pkb_plain(S) :-
    \+ sub_string(S, _, _, _, "\\"), \+ sub_string(S, _, _, _, "\""),
    \+ sub_string(S, _, _, _, "\n").
pkb_put(0'\\) :- !, write('\\\\').
pkb_put(0'") :- !, write('\\"').
pkb_put(0'\n) :- !, write('\\n').
pkb_put(C) :- put_code(C).

% Scenarios of the disputed facts, each asserted in turn (single cases).
% pkb_scenarios(+Base, +Choices, +Which, -Scenarios): with the facts Base asserted,
% one Bits-Atoms pair per subset of the disputed facts Choices (Bits: 1 if asserted).
% Which is `shown` (the #show predicates) or `all` (every atom, derivations too).
pkb_scenarios(Base, Choices, Which, Scenarios) :-
    setup_call_cleanup(
        pkb_assert_all(Base),
        findall(Bits-Atoms, pkb_scenario(Base, Choices, Which, Bits, Atoms), Scenarios),
        pkb_retract_all(Base)).

pkb_scenario(Base, Choices, Which, Bits, Atoms) :-
    pkb_subset(Choices, Bits, Chosen),
    setup_call_cleanup(
        pkb_assert_all(Chosen),
        ( abolish_all_tables, pkb_atoms(Which, Base, Chosen, Atoms) ),
        pkb_retract_all(Chosen)).

pkb_subset([], [], []).
pkb_subset([F|Fs], [1|Bits], [F|Chosen]) :- pkb_subset(Fs, Bits, Chosen).
pkb_subset([_|Fs], [0|Bits], Chosen) :- pkb_subset(Fs, Bits, Chosen).

pkb_atoms(shown, _, _, Atoms) :-
    findall(A, (pkb_shown(N, K), functor(A, N, K), call(A)), Found),
    sort(Found, Atoms).
pkb_atoms(all, Base, Chosen, Atoms) :-
    findall(A, (pkb_predicate(N, K), functor(A, N, K), call(A)), Found),
    lists:append([Base, Chosen, Found], Every),
    sort(Every, Atoms).

% pkb_consequences(+Base, +Choices, -Certain, -Possible): the shown atoms true in every
% scenario and in some scenario.
pkb_consequences(Base, Choices, Certain, Possible) :-
    pkb_scenarios(Base, Choices, shown, Scenarios),
    Scenarios = [_-First|Rest],
    pkb_meet_join(Rest, First, Certain, First, Possible).
pkb_meet_join([], Certain, Certain, Possible, Possible).
pkb_meet_join([_-Atoms|Rest], Meet0, Certain, Join0, Possible) :-
    ordsets:ord_intersection(Meet0, Atoms, Meet),
    ordsets:ord_union(Join0, Atoms, Join),
    pkb_meet_join(Rest, Meet, Certain, Join, Possible).

% Atoms written as clingo writes them, a tuple `(a,b,)` per list.
pkb_write_tuple(Atoms) :-
    write('('), forall(lists:member(A, Atoms), (pkb_write(A), write(','))), write(')').
% pkb_solve_text(+Base, +Choices, -Text): "Certain\nPossible" as clingo tuples.
pkb_solve_text(Base, Choices, Text) :-
    pkb_consequences(Base, Choices, Certain, Possible),
    with_output_to(string(Text),
        ( pkb_write_tuple(Certain), nl, pkb_write_tuple(Possible) )).

% pkb_scenarios_text(+Base, +Choices, -Text): a line "Bits Atoms" per scenario, every atom.
pkb_scenarios_text(Base, Choices, Text) :-
    pkb_scenarios(Base, Choices, all, Scenarios),
    with_output_to(string(Text),
        forall(lists:member(Bits-Atoms, Scenarios),
               ( forall(lists:member(B, Bits), write(B)), write(' '),
                 pkb_write_tuple(Atoms), nl ))).

% For a Prolog user: read a fact file (plain facts, `%` comments), then ask what is
% certain (true whichever way the disputed facts come out) or possible:
%   $ swipl prolog/public_duty.pl
%   ?- pkb_consult_facts('facts/cases/valdez.lp'), pkb_certain(outcome(P, D, O)).
:- dynamic(pkb_case_fact/1).
pkb_consult_facts(File) :-
    retractall(pkb_case_fact(_)),
    setup_call_cleanup(open(File, read, In), pkb_read_facts(In), close(In)).
pkb_read_facts(In) :-
    read_term(In, Fact, []),
    (   Fact == end_of_file
    ->  true
    ;   assertz(pkb_case_fact(Fact)), pkb_read_facts(In)
    ).
pkb_case(Base, Choices) :-
    findall(F, pkb_case_fact(F), Facts),
    findall(F, (lists:member(disputed(F), Facts), memberchk(F, Facts)), Disputed),
    lists:list_to_set(Disputed, Choices),
    findall(F, (lists:member(F, Facts), \+ memberchk(F, Choices)), Base).
pkb_certain(Atom) :-
    pkb_case(Base, Choices), pkb_consequences(Base, Choices, Certain, _),
    lists:member(Atom, Certain).
pkb_possible(Atom) :-
    pkb_case(Base, Choices), pkb_consequences(Base, Choices, _, Possible),
    lists:member(Atom, Possible).

% The shown predicates (rules/show.lp) and every predicate of the program.
pkb_shown(outcome, 3).
pkb_shown(special_duty, 2).
pkb_shown(special_duty_basis, 3).
pkb_shown(ordinary_duty, 2).
pkb_shown(public_duty_bar, 2).
pkb_shown(element, 4).
pkb_shown(justifiable_reliance, 2).
pkb_shown(reliance_defeated, 3).
pkb_shown(immunity, 3).
pkb_shown(no_proximate_cause, 2).
pkb_shown(law_year, 1).
pkb_shown(in_force, 1).
pkb_predicate(acted, 3).
pkb_predicate(activity, 2).
pkb_predicate(acts_for, 2).
pkb_predicate(agent, 2).
pkb_predicate(applied_year, 1).
pkb_predicate(as_of, 1).
pkb_predicate(breached, 2).
pkb_predicate(case_name, 1).
pkb_predicate(changed_conduct, 1).
pkb_predicate(child_of, 2).
pkb_predicate(citation, 1).
pkb_predicate(claim, 2).
pkb_predicate(conduct_by, 2).
pkb_predicate(conduct_not_shown_discretionary, 1).
pkb_predicate(confirmation_received, 1).
pkb_predicate(contact, 2).
pkb_predicate(contact_for, 3).
pkb_predicate(course_of_conduct, 2).
pkb_predicate(dc_claim, 2).
pkb_predicate(dc_conduct_not_discretionary, 1).
pkb_predicate(dc_discretionary_conduct, 2).
pkb_predicate(dc_element, 1).
pkb_predicate(dc_helpless_class, 2).
pkb_predicate(dc_immunity_reached, 2).
pkb_predicate(dc_something_undertaken, 2).
pkb_predicate(dc_statutory_class, 2).
pkb_predicate(dc_words_only, 3).
pkb_predicate(deadline_passed, 1).
pkb_predicate(decided, 1).
pkb_predicate(defeater_excused, 3).
pkb_predicate(defendant, 1).
pkb_predicate(derivation, 3).
pkb_predicate(direct_contact, 2).
pkb_predicate(discretion_proved, 1).
pkb_predicate(discretionary_conduct, 2).
pkb_predicate(discretionary_position, 1).
pkb_predicate(disputed, 1).
pkb_predicate(duty, 2).
pkb_predicate(element, 4).
pkb_predicate(endangered_by_assistance, 1).
pkb_predicate(expected_confirmation, 1).
pkb_predicate(extraordinary_chain, 1).
pkb_predicate(harmed_by, 2).
pkb_predicate(harmed_by_agent, 2).
pkb_predicate(harmed_by_condition, 2).
pkb_predicate(helpless_class, 1).
pkb_predicate(household_member, 2).
pkb_predicate(immunity, 3).
pkb_predicate(immunity_asserted, 1).
pkb_predicate(immunity_excluded, 2).
pkb_predicate(immunity_independent, 2).
pkb_predicate(immunity_reached, 2).
pkb_predicate(immunity_untimely, 1).
pkb_predicate(in_force, 1).
pkb_predicate(judgment_exercised, 1).
pkb_predicate(jurisdiction, 1).
pkb_predicate(jurisdiction_claim, 2).
pkb_predicate(jurisdiction_name, 2).
pkb_predicate(justifiable_reliance, 2).
pkb_predicate(knew_not_performed, 1).
pkb_predicate(knew_of_promise, 2).
pkb_predicate(knew_risk, 2).
pkb_predicate(known_blatant_danger, 2).
pkb_predicate(law_period, 3).
pkb_predicate(law_year, 1).
pkb_predicate(mandatory, 1).
pkb_predicate(member, 2).
pkb_predicate(ministerial, 1).
pkb_predicate(name, 2).
pkb_predicate(negligent_conduct, 2).
pkb_predicate(no_knock_entry, 2).
pkb_predicate(no_proximate_cause, 2).
pkb_predicate(ny_assuming_act, 1).
pkb_predicate(ny_claim, 2).
pkb_predicate(ny_class_statute, 3).
pkb_predicate(ny_element, 1).
pkb_predicate(ny_undertaking, 2).
pkb_predicate(ny_undertaking_by_act, 2).
pkb_predicate(order_known, 2).
pkb_predicate(order_of_protection, 2).
pkb_predicate(ordinary_duty, 2).
pkb_predicate(ordinary_negligence, 1).
pkb_predicate(outcome, 3).
pkb_predicate(own_initiative, 2).
pkb_predicate(own_initiative_shown, 1).
pkb_predicate(person, 1).
pkb_predicate(plaintiff, 1).
pkb_predicate(policy_decision, 1).
pkb_predicate(private_right, 1).
pkb_predicate(promise_dependent_on_arrest, 2).
pkb_predicate(promised, 3).
pkb_predicate(promised_to_other, 3).
pkb_predicate(proprietary, 2).
pkb_predicate(protective_act, 1).
pkb_predicate(protective_conduct, 2).
pkb_predicate(protective_promise, 1).
pkb_predicate(protects_class, 2).
pkb_predicate(public_at_large, 1).
pkb_predicate(public_duty_bar, 2).
pkb_predicate(recovery_barred, 2).
pkb_predicate(regulation, 1).
pkb_predicate(reliance_defeated, 3).
pkb_predicate(reliance_unrelated, 1).
pkb_predicate(relied, 2).
pkb_predicate(reported_threat, 3).
pkb_predicate(requested_protection, 2).
pkb_predicate(route_element, 3).
pkb_predicate(special_duty, 2).
pkb_predicate(special_duty_basis, 3).
pkb_predicate(statute, 1).
pkb_predicate(third_party, 1).
pkb_predicate(timely_asserted, 1).
pkb_predicate(took_control, 2).
pkb_predicate(undertaking_act, 3).
pkb_predicate(undertaking_promise, 3).
pkb_predicate(used_by_police, 2).
pkb_predicate(whereabouts_unknown, 1).

% The rules, each followed by its derivation twin (rule id, head, premises).
% rules/law_in_time.lp:35
law_period(special_relationship_exception, '#inf', 2008).
% rules/law_in_time.lp:35
derivation("law.period.special_relationship_exception", law_period(special_relationship_exception, '#inf', 2008), ''()).
% rules/law_in_time.lp:41
law_period(ferreira_no_knock, 2022, '#sup').
% rules/law_in_time.lp:41
derivation("law.period.ferreira_no_knock", law_period(ferreira_no_knock, 2022, '#sup'), ''()).
% rules/law_in_time.lp:45
applied_year(Y) :-
    as_of(Y).
% rules/law_in_time.lp:45
derivation("law.year.as_of", applied_year(Y), ''(as_of(Y))) :-
    as_of(Y).
% rules/law_in_time.lp:49
applied_year(Y) :-
    decided(Y),
    \+ as_of(_).
% rules/law_in_time.lp:49
derivation("law.year.decided", applied_year(Y), ''(decided(Y), neg(as_of("_")))) :-
    decided(Y),
    \+ as_of(_).
% rules/law_in_time.lp:53
applied_year('#sup') :-
    \+ as_of(_),
    \+ decided(_).
% rules/law_in_time.lp:53
derivation("law.year.present", applied_year('#sup'), ''(neg(as_of("_")), neg(decided("_")))) :-
    \+ as_of(_),
    \+ decided(_).
% rules/law_in_time.lp:57
in_force(L) :-
    law_period(L, From, Until),
    applied_year(Y),
    pkb_le(From, Y),
    pkb_le(Y, Until).
% rules/law_in_time.lp:57
derivation("law.in_force", in_force(L), ''(law_period(L, From, Until), applied_year(Y))) :-
    law_period(L, From, Until),
    applied_year(Y),
    pkb_le(From, Y),
    pkb_le(Y, Until).
% rules/law_in_time.lp:61
law_year(Y) :-
    applied_year(Y),
    pkb_ne(Y, '#sup').
% rules/law_in_time.lp:61
derivation("law.year.shown", law_year(Y), ''(applied_year(Y))) :-
    applied_year(Y),
    pkb_ne(Y, '#sup').
% rules/core.lp:43
dc_claim(P, D) :-
    claim(P, D),
    jurisdiction(dc).
% rules/core.lp:43
derivation("core.governing_law.dc", dc_claim(P, D), ''(claim(P, D), jurisdiction(dc))) :-
    claim(P, D),
    jurisdiction(dc).
% rules/core.lp:47
ny_claim(P, D) :-
    claim(P, D),
    jurisdiction(ny).
% rules/core.lp:47
derivation("core.governing_law.ny", ny_claim(P, D), ''(claim(P, D), jurisdiction(ny))) :-
    claim(P, D),
    jurisdiction(ny).
% rules/core.lp:53
acts_for(P, P) :-
    claim(P, _).
% rules/core.lp:53
derivation("core.acts_for.self", acts_for(P, P), ''(claim(P, ANONYMOUS_1))) :-
    claim(P, ANONYMOUS_1).
% rules/core.lp:58
acts_for(Q, P) :-
    claim(P, _),
    child_of(P, Q).
% rules/core.lp:58
derivation("core.acts_for.parent", acts_for(Q, P), ''(claim(P, ANONYMOUS_1), child_of(P, Q))) :-
    claim(P, ANONYMOUS_1),
    child_of(P, Q).
% rules/core.lp:63
acts_for(Q, P) :-
    claim(P, _),
    household_member(P, Q).
% rules/core.lp:63
derivation("core.acts_for.household", acts_for(Q, P), ''(claim(P, ANONYMOUS_1), household_member(P, Q))) :-
    claim(P, ANONYMOUS_1),
    household_member(P, Q).
% rules/core.lp:71
undertaking_promise(P, D, X) :-
    claim(P, D),
    acts_for(Q, P),
    promised(A, Q, X),
    agent(A, D).
% rules/core.lp:71
derivation("core.undertaking.promise", undertaking_promise(P, D, X), ''(claim(P, D), acts_for(Q, P), promised(A, Q, X), agent(A, D))) :-
    claim(P, D),
    acts_for(Q, P),
    promised(A, Q, X),
    agent(A, D).
% rules/core.lp:76
undertaking_act(P, D, X) :-
    claim(P, D),
    acts_for(Q, P),
    acted(A, Q, X),
    agent(A, D).
% rules/core.lp:76
derivation("core.undertaking.act", undertaking_act(P, D, X), ''(claim(P, D), acts_for(Q, P), acted(A, Q, X), agent(A, D))) :-
    claim(P, D),
    acts_for(Q, P),
    acted(A, Q, X),
    agent(A, D).
% rules/core.lp:83
protective_act(provided_protection).
% rules/core.lp:83
protective_act(stayed_nearby).
% rules/core.lp:83
protective_act(restrained_self_help).
% rules/core.lp:83
derivation("core.protective_act", protective_act(provided_protection), ''()).
% rules/core.lp:83
derivation("core.protective_act", protective_act(stayed_nearby), ''()).
% rules/core.lp:83
derivation("core.protective_act", protective_act(restrained_self_help), ''()).
% rules/core.lp:88
protective_conduct(P, D) :-
    undertaking_act(P, D, X),
    protective_act(X).
% rules/core.lp:88
derivation("core.protective_conduct", protective_conduct(P, D), ''(undertaking_act(P, D, X), protective_act(X))) :-
    undertaking_act(P, D, X),
    protective_act(X).
% rules/core.lp:95
direct_contact(P, D) :-
    claim(P, D),
    contact(P, A),
    agent(A, D).
% rules/core.lp:95
derivation("core.contact.own", direct_contact(P, D), ''(claim(P, D), contact(P, A), agent(A, D))) :-
    claim(P, D),
    contact(P, A),
    agent(A, D).
% rules/core.lp:101
direct_contact(P, D) :-
    claim(P, D),
    contact_for(Q, P, A),
    agent(A, D),
    acts_for(Q, P).
% rules/core.lp:101
derivation("core.contact.on_behalf", direct_contact(P, D), ''(claim(P, D), contact_for(Q, P, A), agent(A, D), acts_for(Q, P))) :-
    claim(P, D),
    contact_for(Q, P, A),
    agent(A, D),
    acts_for(Q, P).
% rules/core.lp:106
direct_contact(P, D) :-
    claim(P, D),
    contact(Q, A),
    agent(A, D),
    household_member(P, Q).
% rules/core.lp:106
derivation("core.contact.household", direct_contact(P, D), ''(claim(P, D), contact(Q, A), agent(A, D), household_member(P, Q))) :-
    claim(P, D),
    contact(Q, A),
    agent(A, D),
    household_member(P, Q).
% rules/core.lp:111
changed_conduct(P) :-
    claim(P, _),
    acts_for(Q, P),
    relied(Q, _).
% rules/core.lp:111
derivation("core.changed_conduct", changed_conduct(P), ''(claim(P, ANONYMOUS_1), acts_for(Q, P), relied(Q, ANONYMOUS_2))) :-
    claim(P, ANONYMOUS_1),
    acts_for(Q, P),
    relied(Q, ANONYMOUS_2).
% rules/core.lp:117
own_initiative_shown(P) :-
    claim(P, _),
    acts_for(Q, P),
    own_initiative(Q, _).
% rules/core.lp:117
derivation("core.own_initiative", own_initiative_shown(P), ''(claim(P, ANONYMOUS_1), acts_for(Q, P), own_initiative(Q, ANONYMOUS_2))) :-
    claim(P, ANONYMOUS_1),
    acts_for(Q, P),
    own_initiative(Q, ANONYMOUS_2).
% rules/core.lp:125
ordinary_duty(P, D) :-
    claim(P, D),
    harmed_by_agent(P, A),
    agent(A, D),
    ordinary_negligence(P).
% rules/core.lp:125
derivation("core.ordinary_duty.agent_negligence", ordinary_duty(P, D), ''(claim(P, D), harmed_by_agent(P, A), agent(A, D), ordinary_negligence(P))) :-
    claim(P, D),
    harmed_by_agent(P, A),
    agent(A, D),
    ordinary_negligence(P).
% rules/core.lp:129
special_duty(P, D) :-
    special_duty_basis(P, D, _).
% rules/core.lp:129
derivation("core.special_duty", special_duty(P, D), ''(special_duty_basis(P, D, ANONYMOUS_1))) :-
    special_duty_basis(P, D, ANONYMOUS_1).
% rules/core.lp:133
duty(P, D) :-
    special_duty(P, D).
% rules/core.lp:133
derivation("core.duty.special", duty(P, D), ''(special_duty(P, D))) :-
    special_duty(P, D).
% rules/core.lp:137
duty(P, D) :-
    ordinary_duty(P, D).
% rules/core.lp:137
derivation("core.duty.ordinary", duty(P, D), ''(ordinary_duty(P, D))) :-
    ordinary_duty(P, D).
% rules/core.lp:143
public_duty_bar(P, D) :-
    claim(P, D),
    \+ duty(P, D).
% rules/core.lp:143
derivation("core.public_duty_bar", public_duty_bar(P, D), ''(claim(P, D), neg(duty(P, D)))) :-
    claim(P, D),
    \+ duty(P, D).
% rules/core.lp:149
recovery_barred(P, D) :-
    public_duty_bar(P, D).
% rules/core.lp:149
derivation("core.barred.no_duty", recovery_barred(P, D), ''(public_duty_bar(P, D))) :-
    public_duty_bar(P, D).
% rules/core.lp:154
recovery_barred(P, D) :-
    immunity(P, D, applies).
% rules/core.lp:154
derivation("core.barred.immunity", recovery_barred(P, D), ''(immunity(P, D, applies))) :-
    immunity(P, D, applies).
% rules/core.lp:158
recovery_barred(P, D) :-
    no_proximate_cause(P, D).
% rules/core.lp:158
derivation("core.barred.causation", recovery_barred(P, D), ''(no_proximate_cause(P, D))) :-
    no_proximate_cause(P, D).
% rules/core.lp:162
outcome(P, D, no_recovery) :-
    claim(P, D),
    recovery_barred(P, D).
% rules/core.lp:162
derivation("core.outcome.no_recovery", outcome(P, D, no_recovery), ''(claim(P, D), recovery_barred(P, D))) :-
    claim(P, D),
    recovery_barred(P, D).
% rules/core.lp:166
outcome(P, D, may_recover) :-
    claim(P, D),
    \+ recovery_barred(P, D).
% rules/core.lp:166
derivation("core.outcome.may_recover", outcome(P, D, may_recover), ''(claim(P, D), neg(recovery_barred(P, D)))) :-
    claim(P, D),
    \+ recovery_barred(P, D).
% rules/dc.lp:56
dc_element(law_enforcement_use).
% rules/dc.lp:56
dc_element(endangered).
% rules/dc.lp:56
dc_element(affirmative_undertaking).
% rules/dc.lp:56
dc_element(justifiable_reliance).
% rules/dc.lp:56
dc_element(protected_class).
% rules/dc.lp:56
dc_element(report_received).
% rules/dc.lp:56
dc_element(course_of_conduct).
% rules/dc.lp:56
derivation("dc.elements", dc_element(law_enforcement_use), ''()).
% rules/dc.lp:56
derivation("dc.elements", dc_element(endangered), ''()).
% rules/dc.lp:56
derivation("dc.elements", dc_element(affirmative_undertaking), ''()).
% rules/dc.lp:56
derivation("dc.elements", dc_element(justifiable_reliance), ''()).
% rules/dc.lp:56
derivation("dc.elements", dc_element(protected_class), ''()).
% rules/dc.lp:56
derivation("dc.elements", dc_element(report_received), ''()).
% rules/dc.lp:56
derivation("dc.elements", dc_element(course_of_conduct), ''()).
% rules/dc.lp:67
ordinary_duty(P, D) :-
    dc_claim(P, D),
    proprietary(D, X),
    activity(D, X).
% rules/dc.lp:67
derivation("dc.ordinary_duty.proprietary", ordinary_duty(P, D), ''(dc_claim(P, D), proprietary(D, X), activity(D, X))) :-
    dc_claim(P, D),
    proprietary(D, X),
    activity(D, X).
% rules/dc.lp:74
element(P, D, law_enforcement_use, met) :-
    dc_claim(P, D),
    used_by_police(P, _).
% rules/dc.lp:74
derivation("dc.d1.use", element(P, D, law_enforcement_use, met), ''(dc_claim(P, D), used_by_police(P, ANONYMOUS_1))) :-
    dc_claim(P, D),
    used_by_police(P, ANONYMOUS_1).
% rules/dc.lp:79
element(P, D, endangered, met) :-
    dc_claim(P, D),
    endangered_by_assistance(P).
% rules/dc.lp:79
derivation("dc.d1.endangered", element(P, D, endangered, met), ''(dc_claim(P, D), endangered_by_assistance(P))) :-
    dc_claim(P, D),
    endangered_by_assistance(P).
% rules/dc.lp:84
special_duty_basis(P, D, law_enforcement_assistance) :-
    element(P, D, law_enforcement_use, met),
    element(P, D, endangered, met),
    dc_claim(P, D).
% rules/dc.lp:84
derivation("dc.d1.basis", special_duty_basis(P, D, law_enforcement_assistance), ''(element(P, D, law_enforcement_use, met), element(P, D, endangered, met), dc_claim(P, D))) :-
    element(P, D, law_enforcement_use, met),
    element(P, D, endangered, met),
    dc_claim(P, D).
% rules/dc.lp:93
protective_conduct(P, D) :-
    dc_claim(P, D),
    undertaking_act(P, D, withdrew_protection).
% rules/dc.lp:93
derivation("dc.d2.withdrawn", protective_conduct(P, D), ''(dc_claim(P, D), undertaking_act(P, D, withdrew_protection))) :-
    dc_claim(P, D),
    undertaking_act(P, D, withdrew_protection).
% rules/dc.lp:100
dc_words_only(P, D, X) :-
    dc_claim(P, D),
    undertaking_promise(P, D, X),
    \+ protective_conduct(P, D).
% rules/dc.lp:100
derivation("dc.d2.words_only", dc_words_only(P, D, X), ''(dc_claim(P, D), undertaking_promise(P, D, X), neg(protective_conduct(P, D)))) :-
    dc_claim(P, D),
    undertaking_promise(P, D, X),
    \+ protective_conduct(P, D).
% rules/dc.lp:105
element(P, D, affirmative_undertaking, met) :-
    dc_claim(P, D),
    protective_conduct(P, D),
    \+ dc_words_only(P, D, _).
% rules/dc.lp:105
derivation("dc.d2.undertaking", element(P, D, affirmative_undertaking, met), ''(dc_claim(P, D), protective_conduct(P, D), neg(dc_words_only(P, D, "_")))) :-
    dc_claim(P, D),
    protective_conduct(P, D),
    \+ dc_words_only(P, D, _).
% rules/dc.lp:112
special_duty_basis(P, D, voluntary_undertaking) :-
    element(P, D, affirmative_undertaking, met),
    element(P, D, justifiable_reliance, met),
    dc_claim(P, D).
% rules/dc.lp:112
derivation("dc.d2.basis", special_duty_basis(P, D, voluntary_undertaking), ''(element(P, D, affirmative_undertaking, met), element(P, D, justifiable_reliance, met), dc_claim(P, D))) :-
    element(P, D, affirmative_undertaking, met),
    element(P, D, justifiable_reliance, met),
    dc_claim(P, D).
% rules/dc.lp:121
dc_statutory_class(P, D) :-
    dc_claim(P, D),
    protects_class(S, K),
    member(P, K),
    mandatory(S),
    \+ public_at_large(S),
    once((statute(S) ; regulation(S))).
% rules/dc.lp:121
derivation("dc.d3.class", dc_statutory_class(P, D), ''(dc_claim(P, D), protects_class(S, K), member(P, K), mandatory(S), neg(public_at_large(S)), some(statute(S), regulation(S)))) :-
    dc_claim(P, D),
    protects_class(S, K),
    member(P, K),
    mandatory(S),
    \+ public_at_large(S),
    once((statute(S) ; regulation(S))).
% rules/dc.lp:128
element(P, D, protected_class, met) :-
    dc_statutory_class(P, D).
% rules/dc.lp:128
derivation("dc.d3.protected_class", element(P, D, protected_class, met), ''(dc_statutory_class(P, D))) :-
    dc_statutory_class(P, D).
% rules/dc.lp:133
special_duty_basis(P, D, statutory_duty) :-
    element(P, D, protected_class, met),
    element(P, D, justifiable_reliance, met),
    dc_claim(P, D).
% rules/dc.lp:133
derivation("dc.d3.basis", special_duty_basis(P, D, statutory_duty), ''(element(P, D, protected_class, met), element(P, D, justifiable_reliance, met), dc_claim(P, D))) :-
    element(P, D, protected_class, met),
    element(P, D, justifiable_reliance, met),
    dc_claim(P, D).
% rules/dc.lp:140
dc_helpless_class(P, D) :-
    dc_claim(P, D),
    protects_class(S, K),
    member(P, K),
    helpless_class(K),
    mandatory(S),
    statute(S),
    \+ public_at_large(S).
% rules/dc.lp:140
derivation("dc.d3.helpless_class", dc_helpless_class(P, D), ''(dc_claim(P, D), protects_class(S, K), member(P, K), helpless_class(K), mandatory(S), neg(public_at_large(S)), statute(S))) :-
    dc_claim(P, D),
    protects_class(S, K),
    member(P, K),
    helpless_class(K),
    mandatory(S),
    statute(S),
    \+ public_at_large(S).
% rules/dc.lp:148
element(P, D, report_received, met) :-
    dc_helpless_class(P, D),
    reported_threat(P, A, _),
    agent(A, D).
% rules/dc.lp:148
derivation("dc.d3.report_received", element(P, D, report_received, met), ''(dc_helpless_class(P, D), reported_threat(P, A, ANONYMOUS_1), agent(A, D))) :-
    dc_helpless_class(P, D),
    reported_threat(P, A, ANONYMOUS_1),
    agent(A, D).
% rules/dc.lp:155
special_duty_basis(P, D, statutory_duty) :-
    element(P, D, protected_class, met),
    element(P, D, report_received, met),
    dc_helpless_class(P, D),
    dc_claim(P, D).
% rules/dc.lp:155
derivation("dc.d3.helpless_basis", special_duty_basis(P, D, statutory_duty), ''(element(P, D, protected_class, met), element(P, D, report_received, met), dc_helpless_class(P, D), dc_claim(P, D))) :-
    element(P, D, protected_class, met),
    element(P, D, report_received, met),
    dc_helpless_class(P, D),
    dc_claim(P, D).
% rules/dc.lp:165
element(P, D, course_of_conduct, met) :-
    dc_claim(P, D),
    course_of_conduct(D, P).
% rules/dc.lp:165
derivation("dc.d4.course", element(P, D, course_of_conduct, met), ''(dc_claim(P, D), course_of_conduct(D, P))) :-
    dc_claim(P, D),
    course_of_conduct(D, P).
% rules/dc.lp:169
special_duty_basis(P, D, course_of_conduct) :-
    element(P, D, course_of_conduct, met),
    dc_claim(P, D).
% rules/dc.lp:169
derivation("dc.d4.basis", special_duty_basis(P, D, course_of_conduct), ''(element(P, D, course_of_conduct, met), dc_claim(P, D))) :-
    element(P, D, course_of_conduct, met),
    dc_claim(P, D).
% rules/dc.lp:176
dc_something_undertaken(P, D) :-
    dc_claim(P, D),
    protective_conduct(P, D).
% rules/dc.lp:176
derivation("dc.reliance.undertaken.action", dc_something_undertaken(P, D), ''(dc_claim(P, D), protective_conduct(P, D))) :-
    dc_claim(P, D),
    protective_conduct(P, D).
% rules/dc.lp:180
dc_something_undertaken(P, D) :-
    dc_claim(P, D),
    dc_statutory_class(P, D).
% rules/dc.lp:180
derivation("dc.reliance.undertaken.statute", dc_something_undertaken(P, D), ''(dc_claim(P, D), dc_statutory_class(P, D))) :-
    dc_claim(P, D),
    dc_statutory_class(P, D).
% rules/dc.lp:188
justifiable_reliance(P, D) :-
    dc_claim(P, D),
    changed_conduct(P),
    dc_something_undertaken(P, D),
    \+ reliance_defeated(P, D, _).
% rules/dc.lp:188
derivation("dc.reliance.justified", justifiable_reliance(P, D), ''(dc_claim(P, D), changed_conduct(P), dc_something_undertaken(P, D), neg(reliance_defeated(P, D, "_")))) :-
    dc_claim(P, D),
    changed_conduct(P),
    dc_something_undertaken(P, D),
    \+ reliance_defeated(P, D, _).
% rules/dc.lp:196
reliance_defeated(P, D, knew_not_performed) :-
    dc_something_undertaken(P, D),
    acts_for(Q, P),
    knew_not_performed(Q).
% rules/dc.lp:196
derivation("dc.reliance.knew_not_performed", reliance_defeated(P, D, knew_not_performed), ''(dc_something_undertaken(P, D), acts_for(Q, P), knew_not_performed(Q))) :-
    dc_something_undertaken(P, D),
    acts_for(Q, P),
    knew_not_performed(Q).
% rules/dc.lp:204
reliance_defeated(P, D, unrelated_to_harm) :-
    dc_something_undertaken(P, D),
    reliance_unrelated(P).
% rules/dc.lp:204
derivation("dc.reliance.unrelated_to_harm", reliance_defeated(P, D, unrelated_to_harm), ''(dc_something_undertaken(P, D), reliance_unrelated(P))) :-
    dc_something_undertaken(P, D),
    reliance_unrelated(P).
% rules/dc.lp:212
reliance_defeated(P, D, words_only) :-
    dc_claim(P, D),
    changed_conduct(P),
    undertaking_promise(P, D, _),
    \+ protective_conduct(P, D),
    \+ dc_statutory_class(P, D).
% rules/dc.lp:212
derivation("dc.reliance.words_only", reliance_defeated(P, D, words_only), ''(dc_claim(P, D), changed_conduct(P), undertaking_promise(P, D, ANONYMOUS_1), neg(protective_conduct(P, D)), neg(dc_statutory_class(P, D)))) :-
    dc_claim(P, D),
    changed_conduct(P),
    undertaking_promise(P, D, ANONYMOUS_1),
    \+ protective_conduct(P, D),
    \+ dc_statutory_class(P, D).
% rules/dc.lp:221
reliance_defeated(P, D, promise_only) :-
    dc_claim(P, D),
    undertaking_promise(P, D, _),
    \+ changed_conduct(P),
    \+ own_initiative_shown(P).
% rules/dc.lp:221
derivation("dc.reliance.promise_only", reliance_defeated(P, D, promise_only), ''(dc_claim(P, D), undertaking_promise(P, D, ANONYMOUS_1), neg(changed_conduct(P)), neg(own_initiative_shown(P)))) :-
    dc_claim(P, D),
    undertaking_promise(P, D, ANONYMOUS_1),
    \+ changed_conduct(P),
    \+ own_initiative_shown(P).
% rules/dc.lp:228
reliance_defeated(P, D, no_undertaking) :-
    dc_claim(P, D),
    changed_conduct(P),
    \+ undertaking_promise(P, D, _),
    \+ protective_conduct(P, D),
    \+ dc_statutory_class(P, D).
% rules/dc.lp:228
derivation("dc.reliance.no_undertaking", reliance_defeated(P, D, no_undertaking), ''(dc_claim(P, D), changed_conduct(P), neg(undertaking_promise(P, D, "_")), neg(protective_conduct(P, D)), neg(dc_statutory_class(P, D)))) :-
    dc_claim(P, D),
    changed_conduct(P),
    \+ undertaking_promise(P, D, _),
    \+ protective_conduct(P, D),
    \+ dc_statutory_class(P, D).
% rules/dc.lp:236
reliance_defeated(P, D, own_initiative) :-
    dc_claim(P, D),
    own_initiative_shown(P),
    \+ changed_conduct(P).
% rules/dc.lp:236
derivation("dc.reliance.own_initiative", reliance_defeated(P, D, own_initiative), ''(dc_claim(P, D), own_initiative_shown(P), neg(changed_conduct(P)))) :-
    dc_claim(P, D),
    own_initiative_shown(P),
    \+ changed_conduct(P).
% rules/dc.lp:242
reliance_defeated(P, D, no_reliance_shown) :-
    dc_claim(P, D),
    \+ changed_conduct(P),
    \+ own_initiative_shown(P).
% rules/dc.lp:242
derivation("dc.reliance.no_reliance_shown", reliance_defeated(P, D, no_reliance_shown), ''(dc_claim(P, D), neg(changed_conduct(P)), neg(own_initiative_shown(P)))) :-
    dc_claim(P, D),
    \+ changed_conduct(P),
    \+ own_initiative_shown(P).
% rules/dc.lp:247
element(P, D, justifiable_reliance, met) :-
    justifiable_reliance(P, D),
    dc_claim(P, D).
% rules/dc.lp:247
derivation("dc.reliance.element", element(P, D, justifiable_reliance, met), ''(justifiable_reliance(P, D), dc_claim(P, D))) :-
    justifiable_reliance(P, D),
    dc_claim(P, D).
% rules/dc.lp:254
element(P, D, E, not_met) :-
    dc_claim(P, D),
    dc_element(E),
    \+ element(P, D, E, met).
% rules/dc.lp:254
derivation("dc.elements.not_met", element(P, D, E, not_met), ''(dc_claim(P, D), dc_element(E), neg(element(P, D, E, met)))) :-
    dc_claim(P, D),
    dc_element(E),
    \+ element(P, D, E, met).
% rules/dc.lp:262
dc_immunity_reached(P, D) :-
    dc_claim(P, D),
    immunity_asserted(D).
% rules/dc.lp:262
derivation("dc.immunity.reached", dc_immunity_reached(P, D), ''(dc_claim(P, D), immunity_asserted(D))) :-
    dc_claim(P, D),
    immunity_asserted(D).
% rules/dc.lp:269
dc_discretionary_conduct(D, C) :-
    negligent_conduct(D, C),
    policy_decision(C),
    \+ ministerial(C).
% rules/dc.lp:269
derivation("dc.immunity.discretionary_conduct", dc_discretionary_conduct(D, C), ''(negligent_conduct(D, C), policy_decision(C), neg(ministerial(C)))) :-
    negligent_conduct(D, C),
    policy_decision(C),
    \+ ministerial(C).
% rules/dc.lp:275
dc_conduct_not_discretionary(D) :-
    negligent_conduct(D, C),
    \+ dc_discretionary_conduct(D, C).
% rules/dc.lp:275
derivation("dc.immunity.not_shown", dc_conduct_not_discretionary(D), ''(negligent_conduct(D, C), neg(dc_discretionary_conduct(D, C)))) :-
    negligent_conduct(D, C),
    \+ dc_discretionary_conduct(D, C).
% rules/dc.lp:281
immunity(P, D, applies) :-
    dc_immunity_reached(P, D),
    negligent_conduct(D, _),
    \+ dc_conduct_not_discretionary(D).
% rules/dc.lp:281
derivation("dc.immunity.applies", immunity(P, D, applies), ''(dc_immunity_reached(P, D), negligent_conduct(D, ANONYMOUS_1), neg(dc_conduct_not_discretionary(D)))) :-
    dc_immunity_reached(P, D),
    negligent_conduct(D, ANONYMOUS_1),
    \+ dc_conduct_not_discretionary(D).
% rules/dc.lp:288
immunity(P, D, unavailable) :-
    dc_immunity_reached(P, D),
    \+ immunity(P, D, applies).
% rules/dc.lp:288
derivation("dc.immunity.unavailable", immunity(P, D, unavailable), ''(dc_immunity_reached(P, D), neg(immunity(P, D, applies)))) :-
    dc_immunity_reached(P, D),
    \+ immunity(P, D, applies).
% rules/ny_special_duty.lp:52
ny_element(assumed_duty).
% rules/ny_special_duty.lp:52
ny_element(knowledge).
% rules/ny_special_duty.lp:52
ny_element(direct_contact).
% rules/ny_special_duty.lp:52
ny_element(justifiable_reliance).
% rules/ny_special_duty.lp:52
ny_element(protected_class).
% rules/ny_special_duty.lp:52
ny_element(private_right).
% rules/ny_special_duty.lp:52
ny_element(statute_breached).
% rules/ny_special_duty.lp:52
ny_element(positive_control).
% rules/ny_special_duty.lp:52
ny_element(known_danger).
% rules/ny_special_duty.lp:52
ny_element(law_enforcement_use).
% rules/ny_special_duty.lp:52
ny_element(endangered).
% rules/ny_special_duty.lp:52
derivation("ny.elements", ny_element(assumed_duty), ''()).
% rules/ny_special_duty.lp:52
derivation("ny.elements", ny_element(knowledge), ''()).
% rules/ny_special_duty.lp:52
derivation("ny.elements", ny_element(direct_contact), ''()).
% rules/ny_special_duty.lp:52
derivation("ny.elements", ny_element(justifiable_reliance), ''()).
% rules/ny_special_duty.lp:52
derivation("ny.elements", ny_element(protected_class), ''()).
% rules/ny_special_duty.lp:52
derivation("ny.elements", ny_element(private_right), ''()).
% rules/ny_special_duty.lp:52
derivation("ny.elements", ny_element(statute_breached), ''()).
% rules/ny_special_duty.lp:52
derivation("ny.elements", ny_element(positive_control), ''()).
% rules/ny_special_duty.lp:52
derivation("ny.elements", ny_element(known_danger), ''()).
% rules/ny_special_duty.lp:52
derivation("ny.elements", ny_element(law_enforcement_use), ''()).
% rules/ny_special_duty.lp:52
derivation("ny.elements", ny_element(endangered), ''()).
% rules/ny_special_duty.lp:63
ordinary_duty(P, D) :-
    ny_claim(P, D),
    proprietary(D, _).
% rules/ny_special_duty.lp:63
derivation("ny.ordinary_duty.proprietary", ordinary_duty(P, D), ''(ny_claim(P, D), proprietary(D, ANONYMOUS_1))) :-
    ny_claim(P, D),
    proprietary(D, ANONYMOUS_1).
% rules/ny_special_duty.lp:70
ny_class_statute(P, D, S) :-
    ny_claim(P, D),
    protects_class(S, K),
    member(P, K),
    \+ public_at_large(S),
    once((statute(S) ; regulation(S))).
% rules/ny_special_duty.lp:70
derivation("ny.statutory.class", ny_class_statute(P, D, S), ''(ny_claim(P, D), protects_class(S, K), member(P, K), neg(public_at_large(S)), some(statute(S), regulation(S)))) :-
    ny_claim(P, D),
    protects_class(S, K),
    member(P, K),
    \+ public_at_large(S),
    once((statute(S) ; regulation(S))).
% rules/ny_special_duty.lp:76
element(P, D, protected_class, met) :-
    ny_class_statute(P, D, _).
% rules/ny_special_duty.lp:76
derivation("ny.statutory.protected_class", element(P, D, protected_class, met), ''(ny_class_statute(P, D, ANONYMOUS_1))) :-
    ny_class_statute(P, D, ANONYMOUS_1).
% rules/ny_special_duty.lp:83
element(P, D, private_right, met) :-
    ny_class_statute(P, D, S),
    private_right(S).
% rules/ny_special_duty.lp:83
derivation("ny.statutory.private_right", element(P, D, private_right, met), ''(ny_class_statute(P, D, S), private_right(S))) :-
    ny_class_statute(P, D, S),
    private_right(S).
% rules/ny_special_duty.lp:87
element(P, D, statute_breached, met) :-
    ny_class_statute(P, D, S),
    breached(D, S).
% rules/ny_special_duty.lp:87
derivation("ny.statutory.breach", element(P, D, statute_breached, met), ''(ny_class_statute(P, D, S), breached(D, S))) :-
    ny_class_statute(P, D, S),
    breached(D, S).
% rules/ny_special_duty.lp:92
special_duty_basis(P, D, statutory_duty) :-
    element(P, D, protected_class, met),
    element(P, D, private_right, met),
    element(P, D, statute_breached, met),
    ny_claim(P, D),
    ny_class_statute(P, D, S),
    private_right(S),
    breached(D, S).
% rules/ny_special_duty.lp:92
derivation("ny.statutory.basis", special_duty_basis(P, D, statutory_duty), ''(element(P, D, protected_class, met), element(P, D, private_right, met), element(P, D, statute_breached, met), ny_claim(P, D), ny_class_statute(P, D, S), private_right(S), breached(D, S))) :-
    element(P, D, protected_class, met),
    element(P, D, private_right, met),
    element(P, D, statute_breached, met),
    ny_claim(P, D),
    ny_class_statute(P, D, S),
    private_right(S),
    breached(D, S).
% rules/ny_special_duty.lp:104
ny_undertaking(P, D) :-
    ny_claim(P, D),
    undertaking_promise(P, D, X),
    pkb_ne(X, vague),
    pkb_ne(X, safe).
% rules/ny_special_duty.lp:104
derivation("ny.undertaking.promise", ny_undertaking(P, D), ''(ny_claim(P, D), undertaking_promise(P, D, X))) :-
    ny_claim(P, D),
    undertaking_promise(P, D, X),
    pkb_ne(X, vague),
    pkb_ne(X, safe).
% rules/ny_special_duty.lp:112
ny_assuming_act(provided_protection).
% rules/ny_special_duty.lp:112
ny_assuming_act(stayed_nearby).
% rules/ny_special_duty.lp:112
ny_assuming_act(restrained_self_help).
% rules/ny_special_duty.lp:112
ny_assuming_act(directed).
% rules/ny_special_duty.lp:112
ny_assuming_act(took_charge).
% rules/ny_special_duty.lp:112
derivation("ny.undertaking.assuming_acts", ny_assuming_act(provided_protection), ''()).
% rules/ny_special_duty.lp:112
derivation("ny.undertaking.assuming_acts", ny_assuming_act(stayed_nearby), ''()).
% rules/ny_special_duty.lp:112
derivation("ny.undertaking.assuming_acts", ny_assuming_act(restrained_self_help), ''()).
% rules/ny_special_duty.lp:112
derivation("ny.undertaking.assuming_acts", ny_assuming_act(directed), ''()).
% rules/ny_special_duty.lp:112
derivation("ny.undertaking.assuming_acts", ny_assuming_act(took_charge), ''()).
% rules/ny_special_duty.lp:117
ny_undertaking_by_act(P, D) :-
    ny_claim(P, D),
    undertaking_act(P, D, X),
    ny_assuming_act(X).
% rules/ny_special_duty.lp:117
derivation("ny.undertaking.by_act", ny_undertaking_by_act(P, D), ''(ny_claim(P, D), undertaking_act(P, D, X), ny_assuming_act(X))) :-
    ny_claim(P, D),
    undertaking_act(P, D, X),
    ny_assuming_act(X).
% rules/ny_special_duty.lp:121
ny_undertaking(P, D) :-
    ny_undertaking_by_act(P, D).
% rules/ny_special_duty.lp:121
derivation("ny.undertaking.action", ny_undertaking(P, D), ''(ny_undertaking_by_act(P, D))) :-
    ny_undertaking_by_act(P, D).
% rules/ny_special_duty.lp:126
element(P, D, assumed_duty, met) :-
    ny_undertaking(P, D).
% rules/ny_special_duty.lp:126
derivation("ny.cuffy.assumed_duty", element(P, D, assumed_duty, met), ''(ny_undertaking(P, D))) :-
    ny_undertaking(P, D).
% rules/ny_special_duty.lp:133
element(P, D, knowledge, met) :-
    ny_claim(P, D),
    knew_risk(A, P),
    agent(A, D).
% rules/ny_special_duty.lp:133
derivation("ny.cuffy.knowledge", element(P, D, knowledge, met), ''(ny_claim(P, D), knew_risk(A, P), agent(A, D))) :-
    ny_claim(P, D),
    knew_risk(A, P),
    agent(A, D).
% rules/ny_special_duty.lp:138
element(P, D, direct_contact, met) :-
    ny_claim(P, D),
    direct_contact(P, D).
% rules/ny_special_duty.lp:138
derivation("ny.cuffy.direct_contact", element(P, D, direct_contact, met), ''(ny_claim(P, D), direct_contact(P, D))) :-
    ny_claim(P, D),
    direct_contact(P, D).
% rules/ny_special_duty.lp:143
element(P, D, justifiable_reliance, met) :-
    ny_claim(P, D),
    justifiable_reliance(P, D).
% rules/ny_special_duty.lp:143
derivation("ny.cuffy.justifiable_reliance", element(P, D, justifiable_reliance, met), ''(ny_claim(P, D), justifiable_reliance(P, D))) :-
    ny_claim(P, D),
    justifiable_reliance(P, D).
% rules/ny_special_duty.lp:147
special_duty_basis(P, D, voluntary_undertaking) :-
    element(P, D, assumed_duty, met),
    element(P, D, knowledge, met),
    element(P, D, direct_contact, met),
    element(P, D, justifiable_reliance, met),
    ny_claim(P, D).
% rules/ny_special_duty.lp:147
derivation("ny.cuffy.basis", special_duty_basis(P, D, voluntary_undertaking), ''(element(P, D, assumed_duty, met), element(P, D, knowledge, met), element(P, D, direct_contact, met), element(P, D, justifiable_reliance, met), ny_claim(P, D))) :-
    element(P, D, assumed_duty, met),
    element(P, D, knowledge, met),
    element(P, D, direct_contact, met),
    element(P, D, justifiable_reliance, met),
    ny_claim(P, D).
% rules/ny_special_duty.lp:156
justifiable_reliance(P, D) :-
    ny_claim(P, D),
    ny_undertaking(P, D),
    changed_conduct(P),
    \+ reliance_defeated(P, D, _).
% rules/ny_special_duty.lp:156
derivation("ny.reliance.justified", justifiable_reliance(P, D), ''(ny_claim(P, D), ny_undertaking(P, D), changed_conduct(P), neg(reliance_defeated(P, D, "_")))) :-
    ny_claim(P, D),
    ny_undertaking(P, D),
    changed_conduct(P),
    \+ reliance_defeated(P, D, _).
% rules/ny_special_duty.lp:163
reliance_defeated(P, D, no_undertaking) :-
    ny_claim(P, D),
    \+ ny_undertaking(P, D).
% rules/ny_special_duty.lp:163
derivation("ny.reliance.no_undertaking", reliance_defeated(P, D, no_undertaking), ''(ny_claim(P, D), neg(ny_undertaking(P, D)))) :-
    ny_claim(P, D),
    \+ ny_undertaking(P, D).
% rules/ny_special_duty.lp:169
reliance_defeated(P, D, promise_only) :-
    ny_claim(P, D),
    ny_undertaking(P, D),
    \+ ny_undertaking_by_act(P, D),
    \+ changed_conduct(P).
% rules/ny_special_duty.lp:169
derivation("ny.reliance.promise_only", reliance_defeated(P, D, promise_only), ''(ny_claim(P, D), ny_undertaking(P, D), neg(ny_undertaking_by_act(P, D)), neg(changed_conduct(P)))) :-
    ny_claim(P, D),
    ny_undertaking(P, D),
    \+ ny_undertaking_by_act(P, D),
    \+ changed_conduct(P).
% rules/ny_special_duty.lp:176
reliance_defeated(P, D, no_reliance_shown) :-
    ny_claim(P, D),
    ny_undertaking_by_act(P, D),
    \+ changed_conduct(P),
    \+ own_initiative_shown(P).
% rules/ny_special_duty.lp:176
derivation("ny.reliance.no_reliance_shown", reliance_defeated(P, D, no_reliance_shown), ''(ny_claim(P, D), ny_undertaking_by_act(P, D), neg(changed_conduct(P)), neg(own_initiative_shown(P)))) :-
    ny_claim(P, D),
    ny_undertaking_by_act(P, D),
    \+ changed_conduct(P),
    \+ own_initiative_shown(P).
% rules/ny_special_duty.lp:183
reliance_defeated(P, D, own_initiative) :-
    ny_claim(P, D),
    own_initiative_shown(P),
    \+ changed_conduct(P).
% rules/ny_special_duty.lp:183
derivation("ny.reliance.own_initiative", reliance_defeated(P, D, own_initiative), ''(ny_claim(P, D), own_initiative_shown(P), neg(changed_conduct(P)))) :-
    ny_claim(P, D),
    own_initiative_shown(P),
    \+ changed_conduct(P).
% rules/ny_special_duty.lp:188
protective_promise(send_help).
% rules/ny_special_duty.lp:188
protective_promise(protect).
% rules/ny_special_duty.lp:188
protective_promise(stay_nearby).
% rules/ny_special_duty.lp:188
protective_promise(guard).
% rules/ny_special_duty.lp:188
derivation("ny.reliance.protective_promise", protective_promise(send_help), ''()).
% rules/ny_special_duty.lp:188
derivation("ny.reliance.protective_promise", protective_promise(protect), ''()).
% rules/ny_special_duty.lp:188
derivation("ny.reliance.protective_promise", protective_promise(stay_nearby), ''()).
% rules/ny_special_duty.lp:188
derivation("ny.reliance.protective_promise", protective_promise(guard), ''()).
% rules/ny_special_duty.lp:194
promise_dependent_on_arrest(P, D) :-
    undertaking_promise(P, D, arrest(T)),
    whereabouts_unknown(T),
    ny_claim(P, D),
    \+ protective_conduct(P, D),
    (findall(Pkb_T1, (((undertaking_promise(P, D, X), protective_promise(X)), Pkb_T1 = ''(X))), Pkb_L2), sort(Pkb_L2, Pkb_S3), length(Pkb_S3, Pkb_N4), pkb_eq(Pkb_N4, 0)).
% rules/ny_special_duty.lp:194
derivation("ny.reliance.dependent_promise", promise_dependent_on_arrest(P, D), ''(undertaking_promise(P, D, arrest(T)), whereabouts_unknown(T), ny_claim(P, D), neg(protective_conduct(P, D)), "0 = #count { X: undertaking_promise(P,D,X), protective_promise(X) }")) :-
    undertaking_promise(P, D, arrest(T)),
    whereabouts_unknown(T),
    ny_claim(P, D),
    \+ protective_conduct(P, D),
    (findall(Pkb_T1, (((undertaking_promise(P, D, X), protective_promise(X)), Pkb_T1 = ''(X))), Pkb_L2), sort(Pkb_L2, Pkb_S3), length(Pkb_S3, Pkb_N4), pkb_eq(Pkb_N4, 0)).
% rules/ny_special_duty.lp:203
reliance_defeated(P, D, whereabouts_unknown) :-
    promise_dependent_on_arrest(P, D),
    \+ defeater_excused(P, D, whereabouts_unknown).
% rules/ny_special_duty.lp:203
derivation("ny.reliance.whereabouts_unknown", reliance_defeated(P, D, whereabouts_unknown), ''(promise_dependent_on_arrest(P, D), neg(defeater_excused(P, D, whereabouts_unknown)))) :-
    promise_dependent_on_arrest(P, D),
    \+ defeater_excused(P, D, whereabouts_unknown).
% rules/ny_special_duty.lp:210
reliance_defeated(P, D, no_confirmation) :-
    ny_claim(P, D),
    ny_undertaking(P, D),
    acts_for(Q, P),
    expected_confirmation(Q),
    deadline_passed(Q),
    \+ protective_conduct(P, D),
    \+ confirmation_received(Q),
    \+ defeater_excused(P, D, no_confirmation).
% rules/ny_special_duty.lp:210
derivation("ny.reliance.no_confirmation", reliance_defeated(P, D, no_confirmation), ''(ny_claim(P, D), ny_undertaking(P, D), neg(protective_conduct(P, D)), acts_for(Q, P), expected_confirmation(Q), neg(confirmation_received(Q)), deadline_passed(Q), neg(defeater_excused(P, D, no_confirmation)))) :-
    ny_claim(P, D),
    ny_undertaking(P, D),
    acts_for(Q, P),
    expected_confirmation(Q),
    deadline_passed(Q),
    \+ protective_conduct(P, D),
    \+ confirmation_received(Q),
    \+ defeater_excused(P, D, no_confirmation).
% rules/ny_special_duty.lp:219
reliance_defeated(P, D, deadline_passed) :-
    ny_claim(P, D),
    ny_undertaking(P, D),
    acts_for(Q, P),
    deadline_passed(Q),
    \+ protective_conduct(P, D),
    \+ defeater_excused(P, D, deadline_passed).
% rules/ny_special_duty.lp:219
derivation("ny.reliance.deadline_passed", reliance_defeated(P, D, deadline_passed), ''(ny_claim(P, D), ny_undertaking(P, D), neg(protective_conduct(P, D)), acts_for(Q, P), deadline_passed(Q), neg(defeater_excused(P, D, deadline_passed)))) :-
    ny_claim(P, D),
    ny_undertaking(P, D),
    acts_for(Q, P),
    deadline_passed(Q),
    \+ protective_conduct(P, D),
    \+ defeater_excused(P, D, deadline_passed).
% rules/ny_special_duty.lp:227
reliance_defeated(P, D, knew_not_performed) :-
    ny_claim(P, D),
    ny_undertaking(P, D),
    acts_for(Q, P),
    knew_not_performed(Q).
% rules/ny_special_duty.lp:227
derivation("ny.reliance.knew_not_performed", reliance_defeated(P, D, knew_not_performed), ''(ny_claim(P, D), ny_undertaking(P, D), acts_for(Q, P), knew_not_performed(Q))) :-
    ny_claim(P, D),
    ny_undertaking(P, D),
    acts_for(Q, P),
    knew_not_performed(Q).
% rules/ny_special_duty.lp:235
reliance_defeated(P, D, unaware) :-
    ny_claim(P, D),
    ny_undertaking(P, D),
    changed_conduct(P),
    \+ direct_contact(P, D).
% rules/ny_special_duty.lp:235
derivation("ny.reliance.unaware", reliance_defeated(P, D, unaware), ''(ny_claim(P, D), ny_undertaking(P, D), changed_conduct(P), neg(direct_contact(P, D)))) :-
    ny_claim(P, D),
    ny_undertaking(P, D),
    changed_conduct(P),
    \+ direct_contact(P, D).
% rules/ny_special_duty.lp:243
reliance_defeated(P, D, unaware) :-
    ny_claim(P, D),
    promised_to_other(A, T, _),
    agent(A, D),
    \+ knew_of_promise(P, T).
% rules/ny_special_duty.lp:243
derivation("ny.reliance.promise_to_other", reliance_defeated(P, D, unaware), ''(ny_claim(P, D), promised_to_other(A, T, ANONYMOUS_1), agent(A, D), neg(knew_of_promise(P, T)))) :-
    ny_claim(P, D),
    promised_to_other(A, T, ANONYMOUS_1),
    agent(A, D),
    \+ knew_of_promise(P, T).
% rules/ny_special_duty.lp:250
reliance_defeated(P, D, unrelated_to_harm) :-
    ny_claim(P, D),
    reliance_unrelated(P).
% rules/ny_special_duty.lp:250
derivation("ny.reliance.unrelated", reliance_defeated(P, D, unrelated_to_harm), ''(ny_claim(P, D), reliance_unrelated(P))) :-
    ny_claim(P, D),
    reliance_unrelated(P).
% rules/ny_special_duty.lp:257
element(P, D, positive_control, met) :-
    ny_claim(P, D),
    took_control(A, P),
    agent(A, D).
% rules/ny_special_duty.lp:257
derivation("ny.control.positive_control", element(P, D, positive_control, met), ''(ny_claim(P, D), took_control(A, P), agent(A, D))) :-
    ny_claim(P, D),
    took_control(A, P),
    agent(A, D).
% rules/ny_special_duty.lp:262
element(P, D, known_danger, met) :-
    ny_claim(P, D),
    known_blatant_danger(A, P),
    agent(A, D).
% rules/ny_special_duty.lp:262
derivation("ny.control.known_danger", element(P, D, known_danger, met), ''(ny_claim(P, D), known_blatant_danger(A, P), agent(A, D))) :-
    ny_claim(P, D),
    known_blatant_danger(A, P),
    agent(A, D).
% rules/ny_special_duty.lp:269
element(P, D, positive_control, met) :-
    ny_claim(P, D),
    no_knock_entry(A, P),
    agent(A, D),
    in_force(ferreira_no_knock).
% rules/ny_special_duty.lp:269
derivation("ny.control.no_knock", element(P, D, positive_control, met), ''(ny_claim(P, D), no_knock_entry(A, P), agent(A, D), in_force(ferreira_no_knock))) :-
    ny_claim(P, D),
    no_knock_entry(A, P),
    agent(A, D),
    in_force(ferreira_no_knock).
% rules/ny_special_duty.lp:275
element(P, D, known_danger, met) :-
    ny_claim(P, D),
    no_knock_entry(A, P),
    agent(A, D),
    in_force(ferreira_no_knock).
% rules/ny_special_duty.lp:275
derivation("ny.control.no_knock_danger", element(P, D, known_danger, met), ''(ny_claim(P, D), no_knock_entry(A, P), agent(A, D), in_force(ferreira_no_knock))) :-
    ny_claim(P, D),
    no_knock_entry(A, P),
    agent(A, D),
    in_force(ferreira_no_knock).
% rules/ny_special_duty.lp:281
special_duty_basis(P, D, positive_control) :-
    element(P, D, positive_control, met),
    element(P, D, known_danger, met),
    ny_claim(P, D).
% rules/ny_special_duty.lp:281
derivation("ny.control.basis", special_duty_basis(P, D, positive_control), ''(element(P, D, positive_control, met), element(P, D, known_danger, met), ny_claim(P, D))) :-
    element(P, D, positive_control, met),
    element(P, D, known_danger, met),
    ny_claim(P, D).
% rules/ny_special_duty.lp:289
element(P, D, law_enforcement_use, met) :-
    ny_claim(P, D),
    used_by_police(P, _).
% rules/ny_special_duty.lp:289
derivation("ny.schuster.use", element(P, D, law_enforcement_use, met), ''(ny_claim(P, D), used_by_police(P, ANONYMOUS_1))) :-
    ny_claim(P, D),
    used_by_police(P, ANONYMOUS_1).
% rules/ny_special_duty.lp:294
element(P, D, endangered, met) :-
    ny_claim(P, D),
    endangered_by_assistance(P).
% rules/ny_special_duty.lp:294
derivation("ny.schuster.endangered", element(P, D, endangered, met), ''(ny_claim(P, D), endangered_by_assistance(P))) :-
    ny_claim(P, D),
    endangered_by_assistance(P).
% rules/ny_special_duty.lp:300
special_duty_basis(P, D, law_enforcement_assistance) :-
    element(P, D, law_enforcement_use, met),
    element(P, D, endangered, met),
    ny_claim(P, D).
% rules/ny_special_duty.lp:300
derivation("ny.schuster.basis", special_duty_basis(P, D, law_enforcement_assistance), ''(element(P, D, law_enforcement_use, met), element(P, D, endangered, met), ny_claim(P, D))) :-
    element(P, D, law_enforcement_use, met),
    element(P, D, endangered, met),
    ny_claim(P, D).
% rules/ny_special_duty.lp:308
element(P, D, E, not_met) :-
    ny_claim(P, D),
    ny_element(E),
    \+ element(P, D, E, met).
% rules/ny_special_duty.lp:308
derivation("ny.elements.not_met", element(P, D, E, not_met), ''(ny_claim(P, D), ny_element(E), neg(element(P, D, E, met)))) :-
    ny_claim(P, D),
    ny_element(E),
    \+ element(P, D, E, met).
% rules/ny_immunity.lp:50
immunity(P, D, not_reached) :-
    ny_claim(P, D),
    \+ duty(P, D),
    \+ immunity_independent(P, D).
% rules/ny_immunity.lp:50
derivation("ny.immunity.not_reached", immunity(P, D, not_reached), ''(ny_claim(P, D), neg(duty(P, D)), neg(immunity_independent(P, D)))) :-
    ny_claim(P, D),
    \+ duty(P, D),
    \+ immunity_independent(P, D).
% rules/ny_immunity.lp:58
immunity_independent(P, D) :-
    ny_claim(P, D),
    timely_asserted(D),
    discretion_proved(D),
    \+ duty(P, D),
    \+ proprietary(D, _),
    \+ immunity_excluded(P, D).
% rules/ny_immunity.lp:58
derivation("ny.immunity.independent_ground", immunity_independent(P, D), ''(ny_claim(P, D), neg(duty(P, D)), timely_asserted(D), discretion_proved(D), neg(proprietary(D, "_")), neg(immunity_excluded(P, D)))) :-
    ny_claim(P, D),
    timely_asserted(D),
    discretion_proved(D),
    \+ duty(P, D),
    \+ proprietary(D, _),
    \+ immunity_excluded(P, D).
% rules/ny_immunity.lp:66
immunity(P, D, applies) :-
    immunity_independent(P, D).
% rules/ny_immunity.lp:66
derivation("ny.immunity.applies_without_duty", immunity(P, D, applies), ''(immunity_independent(P, D))) :-
    immunity_independent(P, D).
% rules/ny_immunity.lp:71
immunity_reached(P, D) :-
    ny_claim(P, D),
    duty(P, D).
% rules/ny_immunity.lp:71
derivation("ny.immunity.reached", immunity_reached(P, D), ''(ny_claim(P, D), duty(P, D))) :-
    ny_claim(P, D),
    duty(P, D).
% rules/ny_immunity.lp:78
immunity(P, D, not_asserted) :-
    immunity_reached(P, D),
    \+ immunity_asserted(D).
% rules/ny_immunity.lp:78
derivation("ny.immunity.not_asserted", immunity(P, D, not_asserted), ''(immunity_reached(P, D), neg(immunity_asserted(D)))) :-
    immunity_reached(P, D),
    \+ immunity_asserted(D).
% rules/ny_immunity.lp:83
immunity(P, D, waived) :-
    immunity_reached(P, D),
    immunity_asserted(D),
    immunity_untimely(D).
% rules/ny_immunity.lp:83
derivation("ny.immunity.waived", immunity(P, D, waived), ''(immunity_reached(P, D), immunity_asserted(D), immunity_untimely(D))) :-
    immunity_reached(P, D),
    immunity_asserted(D),
    immunity_untimely(D).
% rules/ny_immunity.lp:88
timely_asserted(D) :-
    immunity_asserted(D),
    \+ immunity_untimely(D).
% rules/ny_immunity.lp:88
derivation("ny.immunity.timely", timely_asserted(D), ''(immunity_asserted(D), neg(immunity_untimely(D)))) :-
    immunity_asserted(D),
    \+ immunity_untimely(D).
% rules/ny_immunity.lp:95
immunity(P, D, unavailable) :-
    immunity_reached(P, D),
    timely_asserted(D),
    proprietary(D, _).
% rules/ny_immunity.lp:95
derivation("ny.immunity.proprietary", immunity(P, D, unavailable), ''(immunity_reached(P, D), timely_asserted(D), proprietary(D, ANONYMOUS_1))) :-
    immunity_reached(P, D),
    timely_asserted(D),
    proprietary(D, ANONYMOUS_1).
% rules/ny_immunity.lp:101
immunity_excluded(P, D) :-
    ny_claim(P, D),
    special_duty(P, D),
    in_force(special_relationship_exception).
% rules/ny_immunity.lp:101
derivation("ny.immunity.special_relationship_exception", immunity_excluded(P, D), ''(ny_claim(P, D), special_duty(P, D), in_force(special_relationship_exception))) :-
    ny_claim(P, D),
    special_duty(P, D),
    in_force(special_relationship_exception).
% rules/ny_immunity.lp:109
discretionary_conduct(D, C) :-
    negligent_conduct(D, C),
    conduct_by(C, A),
    agent(A, D),
    discretionary_position(A),
    judgment_exercised(C),
    \+ ministerial(C).
% rules/ny_immunity.lp:109
derivation("ny.immunity.discretionary_conduct", discretionary_conduct(D, C), ''(negligent_conduct(D, C), conduct_by(C, A), agent(A, D), discretionary_position(A), judgment_exercised(C), neg(ministerial(C)))) :-
    negligent_conduct(D, C),
    conduct_by(C, A),
    agent(A, D),
    discretionary_position(A),
    judgment_exercised(C),
    \+ ministerial(C).
% rules/ny_immunity.lp:117
conduct_not_shown_discretionary(D) :-
    negligent_conduct(D, C),
    \+ discretionary_conduct(D, C).
% rules/ny_immunity.lp:117
derivation("ny.immunity.not_shown", conduct_not_shown_discretionary(D), ''(negligent_conduct(D, C), neg(discretionary_conduct(D, C)))) :-
    negligent_conduct(D, C),
    \+ discretionary_conduct(D, C).
% rules/ny_immunity.lp:123
discretion_proved(D) :-
    negligent_conduct(D, _),
    \+ conduct_not_shown_discretionary(D).
% rules/ny_immunity.lp:123
derivation("ny.immunity.proved", discretion_proved(D), ''(negligent_conduct(D, ANONYMOUS_1), neg(conduct_not_shown_discretionary(D)))) :-
    negligent_conduct(D, ANONYMOUS_1),
    \+ conduct_not_shown_discretionary(D).
% rules/ny_immunity.lp:129
immunity(P, D, applies) :-
    immunity_reached(P, D),
    timely_asserted(D),
    discretion_proved(D),
    \+ proprietary(D, _),
    \+ immunity_excluded(P, D).
% rules/ny_immunity.lp:129
derivation("ny.immunity.applies", immunity(P, D, applies), ''(immunity_reached(P, D), timely_asserted(D), discretion_proved(D), neg(proprietary(D, "_")), neg(immunity_excluded(P, D)))) :-
    immunity_reached(P, D),
    timely_asserted(D),
    discretion_proved(D),
    \+ proprietary(D, _),
    \+ immunity_excluded(P, D).
% rules/ny_immunity.lp:136
immunity(P, D, unavailable) :-
    immunity_reached(P, D),
    timely_asserted(D),
    \+ proprietary(D, _),
    \+ immunity(P, D, applies).
% rules/ny_immunity.lp:136
derivation("ny.immunity.unavailable", immunity(P, D, unavailable), ''(immunity_reached(P, D), timely_asserted(D), neg(proprietary(D, "_")), neg(immunity(P, D, applies)))) :-
    immunity_reached(P, D),
    timely_asserted(D),
    \+ proprietary(D, _),
    \+ immunity(P, D, applies).
% rules/causation.lp:22
no_proximate_cause(P, D) :-
    claim(P, D),
    extraordinary_chain(P).
% rules/causation.lp:22
derivation("causation.extraordinary_chain", no_proximate_cause(P, D), ''(claim(P, D), extraordinary_chain(P))) :-
    claim(P, D),
    extraordinary_chain(P).
% rules/routes.lp:19
jurisdiction_name(dc, "District of Columbia").
% rules/routes.lp:19
derivation("schema.dc", jurisdiction_name(dc, "District of Columbia"), ''()).
% rules/routes.lp:23
jurisdiction_claim(dc, dc_claim).
% rules/routes.lp:23
derivation("schema.dc.claim", jurisdiction_claim(dc, dc_claim), ''()).
% rules/routes.lp:27
jurisdiction_name(ny, "New York").
% rules/routes.lp:27
derivation("schema.ny", jurisdiction_name(ny, "New York"), ''()).
% rules/routes.lp:31
jurisdiction_claim(ny, ny_claim).
% rules/routes.lp:31
derivation("schema.ny.claim", jurisdiction_claim(ny, ny_claim), ''()).
% rules/routes.lp:37
route_element(dc, law_enforcement_assistance, law_enforcement_use).
% rules/routes.lp:37
route_element(dc, law_enforcement_assistance, endangered).
% rules/routes.lp:37
derivation("schema.dc.law_enforcement_assistance", route_element(dc, law_enforcement_assistance, law_enforcement_use), ''()).
% rules/routes.lp:37
derivation("schema.dc.law_enforcement_assistance", route_element(dc, law_enforcement_assistance, endangered), ''()).
% rules/routes.lp:41
route_element(dc, voluntary_undertaking, affirmative_undertaking).
% rules/routes.lp:41
route_element(dc, voluntary_undertaking, justifiable_reliance).
% rules/routes.lp:41
derivation("schema.dc.voluntary_undertaking", route_element(dc, voluntary_undertaking, affirmative_undertaking), ''()).
% rules/routes.lp:41
derivation("schema.dc.voluntary_undertaking", route_element(dc, voluntary_undertaking, justifiable_reliance), ''()).
% rules/routes.lp:46
route_element(dc, statutory_duty, protected_class).
% rules/routes.lp:46
route_element(dc, statutory_duty, justifiable_reliance).
% rules/routes.lp:46
route_element(dc, statutory_duty, report_received).
% rules/routes.lp:46
derivation("schema.dc.statutory_duty", route_element(dc, statutory_duty, protected_class), ''()).
% rules/routes.lp:46
derivation("schema.dc.statutory_duty", route_element(dc, statutory_duty, justifiable_reliance), ''()).
% rules/routes.lp:46
derivation("schema.dc.statutory_duty", route_element(dc, statutory_duty, report_received), ''()).
% rules/routes.lp:50
route_element(dc, course_of_conduct, course_of_conduct).
% rules/routes.lp:50
derivation("schema.dc.course_of_conduct", route_element(dc, course_of_conduct, course_of_conduct), ''()).
% rules/routes.lp:56
route_element(ny, statutory_duty, protected_class).
% rules/routes.lp:56
route_element(ny, statutory_duty, private_right).
% rules/routes.lp:56
route_element(ny, statutory_duty, statute_breached).
% rules/routes.lp:56
derivation("schema.ny.statutory_duty", route_element(ny, statutory_duty, protected_class), ''()).
% rules/routes.lp:56
derivation("schema.ny.statutory_duty", route_element(ny, statutory_duty, private_right), ''()).
% rules/routes.lp:56
derivation("schema.ny.statutory_duty", route_element(ny, statutory_duty, statute_breached), ''()).
% rules/routes.lp:60
route_element(ny, voluntary_undertaking, assumed_duty).
% rules/routes.lp:60
route_element(ny, voluntary_undertaking, knowledge).
% rules/routes.lp:60
route_element(ny, voluntary_undertaking, direct_contact).
% rules/routes.lp:60
route_element(ny, voluntary_undertaking, justifiable_reliance).
% rules/routes.lp:60
derivation("schema.ny.voluntary_undertaking", route_element(ny, voluntary_undertaking, assumed_duty), ''()).
% rules/routes.lp:60
derivation("schema.ny.voluntary_undertaking", route_element(ny, voluntary_undertaking, knowledge), ''()).
% rules/routes.lp:60
derivation("schema.ny.voluntary_undertaking", route_element(ny, voluntary_undertaking, direct_contact), ''()).
% rules/routes.lp:60
derivation("schema.ny.voluntary_undertaking", route_element(ny, voluntary_undertaking, justifiable_reliance), ''()).
% rules/routes.lp:65
route_element(ny, positive_control, positive_control).
% rules/routes.lp:65
route_element(ny, positive_control, known_danger).
% rules/routes.lp:65
derivation("schema.ny.positive_control", route_element(ny, positive_control, positive_control), ''()).
% rules/routes.lp:65
derivation("schema.ny.positive_control", route_element(ny, positive_control, known_danger), ''()).
% rules/routes.lp:69
route_element(ny, law_enforcement_assistance, law_enforcement_use).
% rules/routes.lp:69
route_element(ny, law_enforcement_assistance, endangered).
% rules/routes.lp:69
derivation("schema.ny.law_enforcement_assistance", route_element(ny, law_enforcement_assistance, law_enforcement_use), ''()).
% rules/routes.lp:69
derivation("schema.ny.law_enforcement_assistance", route_element(ny, law_enforcement_assistance, endangered), ''()).
