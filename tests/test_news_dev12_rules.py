# ruff: noqa: RUF001  -- typographic apostrophes are real article text.
"""Rules written on the dev12 news set (news-dev12r), each tested on the dev12 sentence that showed it."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from proscribe.news import enumerations, extract_events, jurisdictions, name_index
from proscribe.news.clean import Article
from proscribe.news.not_a_decision import (
    drop_affiliations,
    drop_counted_unnamed_objects,
    drop_legislative_motions,
    drop_list_names,
    names_only_a_list,
    reports_no_decision,
    split_glued_lines,
)

DEV12 = Path(__file__).parent / "data" / "news" / "dev12"


@pytest.mark.parametrize(
    ("sentence", "action"),
    [
        # dev12/2023-01-12_us_fto_list_analysis_geostrategicmedia.txt: the contents of a standing list.
        (
            "A significant majority of the groups designated are Islamist extremist organizations and over a "
            "quarter of the groups are Al Qaeda, ISIS, and their regional affiliates.",
            "designated",
        ),
        # the same article: the act of listing as a topic.
        (
            "Given all that has changed in the last thirty years, and given the breadth of what can seemingly be "
            "considered under the language in the Immigration and Nationality Act, perhaps now is the time for "
            "both Congress and the Executive Branch to reassess their approach to the challenge of designating "
            "terrorist organizations.",
            "designated",
        ),
        # dev12/2024-07-09_us_al_shabaab_fto_review_maintained_publicnow.txt: a review that changes nothing.
        (
            "Based upon a review of the Administrative Record assembled pursuant to Section 219(a)(4)(C) of the "
            'Immigration and Nationality Act, as amended (8 U.S.C. 1189(a)(4)(C)) ("INA"), and in consultation '
            "with the Attorney General and the Secretary of the Treasury, the Secretary of State has determined "
            "that the circumstances that were the basis for the designation of al-Shabaab (and other aliases) as "
            "a Foreign Terrorist Organization have not changed in such a manner as to warrant revocation of the "
            "designation and that the national security of the United States does not warrant a revocation of "
            "the designation.",
            "designated",
        ),
        (
            "Therefore, the Secretary of State has determined that the designation of the aforementioned "
            "organization, pursuant to Section 219 of the INA (8 U.S.C. 1189), shall be maintained.",
            "designated",
        ),
        # dev12/2014-09-11_de_is_verbot_geplant_dw.txt: a ban examined is no ban.
        (
            'Die Bundesregierung prüft nach Medienberichten ein zügiges Verbot der Terrormiliz "Islamischer '
            'Staat".',
            "designated",
        ),
    ],
)
def test_reviews_plans_and_standing_lists_report_no_decision(sentence: str, action: str) -> None:
    assert reports_no_decision(sentence, action)


@pytest.mark.parametrize(
    "sentence",
    [
        # dev/2025-07-05_gb_palestine_action_particle.txt: "the reason for proscribing X" tells of a step.
        "The government cited the June 20 vandalism of two RAF Voyager aircraft at Brize Norton as the reason "
        "for proscribing Palestine Action.",
        # dev4/2018-02-28_us_is_affiliates_business_standard.txt: the past tense reports the designation.
        "The other four groups designated as SDGTs were IS-Somalia, Jund al-Khilafah-Tunisia, IS-Egypt and "
        "the Maute Group, and the individuals are Mahad Moalim and Abu Musab al-Barnawi.",
        # a revocation that is the step keeps its removal word.
        "The Secretary of State revoked the designation of the group on Friday.",
    ],
)
def test_steps_beside_these_constructions_stand(sentence: str) -> None:
    assert not reports_no_decision(sentence)


def test_a_status_held_already_reports_no_decision() -> None:
    # dev12/2025-09-17_mx_pri_exhorto_cartel_de_los_soles_eleconomista.txt: other governments' standing measure.
    sentence = (
        "En conferencia de prensa, el senador campechano recordó que los gobiernos de Estados Unidos, Colombia y "
        "Perú ya declararon a los cárteles de las drogas y grupos criminales que operan en sus respectivas "
        "demarcaciones como terroristas."
    )
    assert reports_no_decision(sentence, "designated")
    # a date in the sentence makes it dated background, which stands.
    assert not reports_no_decision("Perú ya declaró al grupo como terrorista en 2024.", "designated")


def test_a_group_named_only_as_a_sanctions_regime_is_no_subject() -> None:
    # dev12/2014-08-16_un_resolution_is_anf_six_individuals_businessstandard.txt
    sentence = (
        "Given that IS and ANF are already included on the Security Council's Al Qaida sanctions regime, the "
        "resolution added the names of six individuals to the sanctions list."
    )
    assert names_only_a_list(sentence, "Al Qaida")
    assert not names_only_a_list(sentence, "ANF")
    assert not names_only_a_list("The Council listed Al Qaida in 1999.", "Al Qaida")


# dev12/2023-11-13_in_meitei_outfits_ban_extended_statesman.txt: a plural object whose members a later sentence lists.
_MEITEI_BAN = (
    "The Ministry of Home Affairs (MHA) on Monday extended the ban on several Meitei extremist organisations under "
    "the Unlawful Activities Prevention Act (UAPA) to curb their secessionist activities through armed struggle."
)
_MEITEI_LIST = (
    "These organisations include Peoples’ Liberation Army and its political wing, Revolutionary Peoples’ Front, "
    "United National Liberation Front and its armed wing the Manipur Peoples’ Army, Peoples’ Revolutionary Party "
    "of Kangleipak and its armed wing, the Red Army, Kangleipak Communist Party and its armed wing also called the "
    "Red Army, Kanglei Yawol Kanna Lup, Coordination Committee and the Alliance for Socialist Unity Kangleipak."
)


def test_members_of_a_plural_object_are_read_from_the_list_sentence() -> None:
    position = _MEITEI_BAN.index("extended the ban") + len("extended the ban")
    assert enumerations.plural_object(_MEITEI_BAN, position)
    following = ["The MHA declared the outfits as “unlawful association” for inciting people.", _MEITEI_LIST]
    names = [n.text for n in enumerations.listed_members(following)]
    assert names[:5] == [
        "Peoples’ Liberation Army",
        "Revolutionary Peoples’ Front",
        "United National Liberation Front",
        "Manipur Peoples’ Army",
        "Peoples’ Revolutionary Party of Kangleipak",
    ]
    assert "Alliance for Socialist Unity Kangleipak" in names
    assert "its political wing" not in names
    # a sentence that does not open as a list of the members gives none.
    assert enumerations.listed_members(["The MHA said these outfits have been involved in violence."]) == []


def test_the_extractor_gives_every_member_the_announcing_sentence_s_event() -> None:
    text = "\n\n".join(
        [
            _MEITEI_BAN,
            "The MHA declared the outfits as “unlawful association” for inciting people.",
            _MEITEI_LIST,
        ]
    )
    article = Article(name="meitei.txt", text=text, published=dt.date(2023, 11, 13))
    events = extract_events(article, name_index())
    found = {(e.jurisdiction, e.organisation, e.action) for e in events}
    assert ("IN", "Kanglei Yawol Kanna Lup", "designated") in found
    assert ("IN", "Coordination Committee", "designated") in found
    assert all(
        e.effective_date == "2023-11-13" for e in events if e.organisation == "Kanglei Yawol Kanna Lup"
    )


def test_the_agent_of_a_describing_participle_does_not_act() -> None:
    # dev12/2025-08-27_ar_cartel_de_los_soles_informador.txt: "vinculado por Estados Unidos" describes the group.
    sentence = (
        "El Ejecutivo del presidente argentino Javier Milei declaró este martes al Cártel de los Soles, grupo "
        "vinculado por Estados Unidos con el Gobierno de Venezuela, como una organización terrorista."
    )
    at = sentence.index("declaró")
    assert jurisdictions.nearest(jurisdictions.find_mentions(sentence), at, sentence) != "US"
    # the agent of the listing step itself still acts.
    step = "The group was designated as a terrorist organisation by the United States."
    assert jurisdictions.nearest(jurisdictions.find_mentions(step), step.index("designated"), step) == "US"


def test_places_in_a_clause_of_time_or_cause_do_not_act() -> None:
    # dev12/2021-11-07_pk_tlp_ban_lift_approved_republicworld.txt: France is where the cartoons appeared.
    sentence = (
        "Earlier in Apil, the TLP was declared as a proscribed organisation after the extremists carried out "
        "violent protests to force Imran Khan's administration to expel the French ambassador over the issue of "
        "blasphemous cartoons published in France."
    )
    at = sentence.index("declared")
    assert jurisdictions.nearest(jurisdictions.find_mentions(sentence), at, sentence) != "FR"


def test_a_legislature_s_non_binding_motion_is_no_designation() -> None:
    # dev12/2025-09-03_pe_congress_motion_cartel_de_los_soles_rpp.txt: the story calls the declaration "La moción".
    text = (DEV12 / "2025-09-03_pe_congress_motion_cartel_de_los_soles_rpp.txt").read_text(encoding="utf-8")
    sentence = (
        "El Congreso de la República declaró este miércoles como organización terrorista al cartel de los Soles, "
        "una estructura criminal vinculada al régimen de Nicolás Maduro y relacionada con el narcotráfico, así como "
        "con grupos delictivos como el Tren de Aragua y el cartel de Sinaloa."
    )
    assert sentence in text
    article = Article(name="motion.txt", text=text, published=dt.date(2025, 9, 3))
    assert not [e for e in extract_events(article, name_index()) if e.action == "designated"]
    # without a motion in the story, a parliament's designation stands (Ethiopia's House, dev12).
    assert drop_legislative_motions([_Quoted(sentence)], "El Congreso aprobó la ley.") == [_Quoted(sentence)]


@dataclasses.dataclass(frozen=True)
class _Quoted:
    evidence_quote: str
    action: str = "designated"


def test_a_count_of_unnamed_entities_is_not_the_story_s_group() -> None:
    # dev12/2022-12-15_un_nuland_calls_isis_affiliates_urdupoint.txt: the group came from the story's context.
    sentence = (
        "Nuland noted that the United Nations committees have designated only one entity and one individual this "
        "year and this lack of action undermines their mandate."
    )
    assert drop_counted_unnamed_objects([_Named(sentence, "ISIS")]) == []
    # a group named in its sentence stands beside a count of people.
    named = _Named("The UN designated ISIS-K and six individuals on Friday.", "ISIS-K")
    assert drop_counted_unnamed_objects([named]) == [named]
    # a count of organisations announces names that come later (the list readers), so it is left alone.
    listed = _Named("The ministry has delisted six international Tamil organisations and 316 persons.", "GTF")
    assert drop_counted_unnamed_objects([listed]) == [listed]


@dataclasses.dataclass(frozen=True)
class _Named:
    evidence_quote: str
    organisation: str | None
    entity_id: str | None = None
    jurisdiction: str | None = "UN"
    action: str = "designated"
    effective_date: str | None = None


def test_a_group_named_as_a_leader_s_affiliation_is_not_listed() -> None:
    # dev12/2023-12-08_eu_deif_issa_terrorist_list_sofiaglobe.txt: two people are listed, not Hamas.
    sentence = (
        "The two individuals designated today are Mohammed Deif, Commander General of the military wing of Hamas "
        "(“Brigades Ezzedin al-Qassam”) since 2002, and Marwan Issa, the deputy Commander of the military wing of "
        "Hamas."
    )
    assert drop_affiliations([_Named(sentence, "Hamas")]) == []
    # dev12/2019-09-10_us_hurras_ad_din_sdgt_eo13224_state_fr.txt: leaders of groups designated before.
    french = (
        "Le département [d’Etat] a également désigné en tant que SDGT 12 dirigeants de groupes désignés "
        "précédemment, y compris le Hezbollah, le Hamas, le Jihad islamique palestinien."
    )
    assert drop_affiliations([_Named(french, "Hezbollah")]) == []
    # dev2/2025-06-29_nz_proud_boys_lapse_herald.txt: members speak of the group itself.
    members = _Named(
        "Members of the American far-right group the Proud Boys are no longer considered terrorists in New "
        "Zealand, as the group's terrorist designation has expired.",
        "Proud Boys",
    )
    assert drop_affiliations([members]) == [members]
    # a group named also outside the affiliation stands.
    both = _Named("The EU listed Hamas and Deif, a commander of Hamas.", "Hamas")
    assert drop_affiliations([both]) == [both]


def test_a_designation_category_is_no_group() -> None:
    # dev12/2018-02-27_us_daech_affiliates_designated_usembassy_fr.txt: "(Specially Designated Global Terrorist ou
    # SDGT)" names the category the groups were put in.
    sentence = (
        "Le département d’État a désigné trois groupes affiliés à Daech (l’État islamique en Afrique de l’Ouest ou "
        "EIAO, Daech-Philippines et Daech-Bangladesh) comme terroristes mondiaux spécialement désignés (Specially "
        "Designated Global Terrorist ou SDGT)."
    )
    assert drop_list_names([_Named(sentence, "Global Terrorist")]) == []
    kept = _Named(sentence, "Daech-Philippines")
    assert drop_list_names([kept]) == [kept]


# dev12/2018-02-27_us_daech_affiliates_designated_usembassy_fr.txt: names in brackets after a count, and a French list
# sentence after a counted object that does not follow the verb.
_DAECH_BRACKETS = (
    "Le département d’État a désigné trois groupes affiliés à Daech (l’État islamique en Afrique de l’Ouest ou EIAO, "
    "Daech-Philippines et Daech-Bangladesh) comme terroristes mondiaux spécialement désignés."
)
_DAECH_LIST = (
    "Les groupes sont Daech-Somalie, Jund al-Khilafa en Tunisie, Daech-Égypte et le groupe Maute ; les dirigeants "
    "sont Mahad Moalim et Abu Musab al-Barnawi."
)


def test_a_count_s_names_in_brackets() -> None:
    names = enumerations.counted_parenthesis(_DAECH_BRACKETS, _DAECH_BRACKETS.index("trois"))
    assert [n.text for n in names] == [
        "État islamique en Afrique de l’Ouest",
        "Daech-Philippines",
        "Daech-Bangladesh",
    ]
    assert all(_DAECH_BRACKETS[n.start : n.end] == n.text for n in names)
    # brackets that hold as many names as counted, or nothing.
    other = "The ministry banned two groups (the text of the order was not published) on Friday."
    assert enumerations.counted_parenthesis(other, other.index("two")) == []


def test_a_french_list_sentence_gives_groups_and_leaders() -> None:
    names = [n.text for n in enumerations.listed_members([_DAECH_LIST])]
    assert names == [
        "Daech-Somalie",
        "Jund al-Khilafa en Tunisie",
        "Daech-Égypte",
        "groupe Maute",
        "Mahad Moalim",
        "Abu Musab al-Barnawi",
    ]


def test_the_extractor_reads_both_daech_lists() -> None:
    text = "\n\n".join(
        [
            _DAECH_BRACKETS,
            "Le département a également désigné comme SDGT quatre autres groupes affiliés à Daech et deux dirigeants "
            "affiliés à Daech en vertu de l’alinéa 1(b) du décret présidentiel 13224.",
            _DAECH_LIST,
        ]
    )
    article = Article(name="daech.txt", text=text, published=dt.date(2018, 2, 27))
    found = {e.organisation for e in extract_events(article, name_index()) if e.action == "designated"}
    assert {"Daech-Philippines", "Daech-Somalie", "groupe Maute"} <= found


def test_the_lines_a_next_sentence_announces_are_read_one_name_each() -> None:
    # dev12/2025-02-19_us_cartels_fto_federal_register_intoleranciadiario.txt: the count, then "se encuentran:".
    text = (DEV12 / "2025-02-19_us_cartels_fto_federal_register_intoleranciadiario.txt").read_text(
        encoding="utf-8"
    )
    assert "Entre estos grupos se encuentran:\n- Cártel de Sinaloa\n" in text
    article = Article(name="cartels.txt", text=text, published=dt.date(2025, 2, 19))
    names = {e.organisation for e in extract_events(article, name_index()) if e.jurisdiction == "US"}
    assert {"Cártel de Sinaloa", "Cártel del Golfo", "La Nueva Familia Michoacana"} <= names
    assert not any(name and "\n" in name for name in names)


def test_a_name_spanning_list_lines_is_split() -> None:
    glued = _Named("seis cárteles", "Cártel de Sinaloa\n\n- Cártel de Jalisco Nueva Generación")
    assert [e.organisation for e in split_glued_lines([glued])] == [
        "Cártel de Sinaloa",
        "Cártel de Jalisco Nueva Generación",
    ]
