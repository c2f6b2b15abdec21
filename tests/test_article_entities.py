"""analysis.article.entities: countries, people, groupings and events an article names."""

from analysis import groupings
from analysis.article import extract_entities

from article_helpers import entity


def named(text, kind):
    return [(e.name, e.code, e.mentions) for e in extract_entities(text) if e.kind == kind]


# --- the seed ---------------------------------------------------------------------------------

def test_seed_countries_in_iso3(seed):
    codes = {e.code for e in seed.entities_of("country")}
    assert {"RUS", "IND", "UKR", "CHN", "AUT"} <= codes
    india = entity(seed, "country", "India")
    # "India’s", "Indian" and "India" all count; the first is in the title
    assert india.spans[0] == (0, 5)
    assert (seed.text.index("Indian nationals"), seed.text.index("Indian nationals") + 6) \
        in india.spans
    assert entity(seed, "country", "Russia").code == "RUS"


def test_seed_people_with_surname_mentions(seed):
    names = [e.name for e in seed.entities_of("person")]
    # the byline's author is a person too (issue 10)
    assert names == ["Narendra Modi", "Vladimir Putin", "Jibran Munaf", "Vinay Kwatra"]
    modi = entity(seed, "person", "Narendra Modi")
    mentioned = {seed.text[a:b] for a, b in modi.spans}
    assert mentioned == {"Narendra Modi", "Modi"}
    assert modi.mentions >= 6  # title, "Modi’s" several times, "Modi will head to Vienna"
    putin = entity(seed, "person", "Vladimir Putin")
    assert seed.text[putin.spans[0][0]:putin.spans[0][1]] == "Putin"  # the title's mention


def test_seed_groupings_and_events(seed):
    codes = {e.code for e in seed.entities_of("grouping")}
    assert codes == {"SCO", "G20", "BRICS", "UN", "EAS"}
    # names come from the shared table (British spelling, as the SCO writes itself)
    assert entity(seed, "grouping", "Shanghai Cooperation Organisation").mentions == 2
    assert {e.name for e in seed.entities_of("grouping")} == {groupings.name(c) for c in codes}
    events = {e.name: e for e in seed.entities_of("event")}
    assert {"Invasion of Ukraine", "Cold War", "2020 border clash", "Sanctions"} <= set(events)
    # "invasion of Ukraine" twice and "the Ukraine invasion" once
    assert events["Invasion of Ukraine"].mentions == 3


# --- the second article -----------------------------------------------------------------------

def test_second_article_entities(second):
    assert [e.code for e in second.entities_of("country")] == ["JPN", "VNM", "IND", "CHN"]
    # "US$" is a currency, not a mention of the United States
    assert "USA" not in {e.code for e in second.entities}
    people = {e.name: e for e in second.entities_of("person")}
    assert set(people) == {"Mara Ellison", "Kenji Arakawa", "Tran Minh Duc", "Linh Hoang"}
    assert people["Linh Hoang"].mentions == 2  # "Trade Minister Linh Hoang", then "Hoang said"
    assert [e.code for e in second.entities_of("grouping")] == ["EU", "ASEAN", "QUAD", "G7", "UN"]
    assert [e.name for e in second.entities_of("event")] == [
        "1979 border war", "COVID-19 pandemic"]


# --- single sentences -------------------------------------------------------------------------

def test_countries_by_alias_demonym_and_metonym():
    text = "The Kremlin and the White House spoke; British and UK officials met Emirati envoys."
    assert named(text, "country") == [
        ("Russia", "RUS", 1), ("United States", "USA", 1), ("United Kingdom", "GBR", 2),
        ("United Arab Emirates", "ARE", 1)]


def test_the_longest_grouping_name_wins():
    text = "The UN Security Council met; the United Nations and the G-20 did not."
    assert named(text, "grouping") == [
        ("UN Security Council", "UNSC", 1), ("United Nations", "UN", 1), ("G20", "G20", 1)]


def test_a_title_before_a_country_is_not_a_person():
    assert named("President Lula of Brazil met Minister Sato.", "person") == [
        ("Lula", None, 1), ("Sato", None, 1)]


def test_events_name_the_country():
    text = "Since the Ukraine invasion, and after the 1962 border war, sanctions followed."
    assert named(text, "event") == [
        ("Invasion of Ukraine", None, 1), ("1962 border war", None, 1), ("Sanctions", None, 1)]


def test_people_without_a_listed_title():
    from analysis.article import extract_entities

    text = ("Costs keep rising, says Meera Pillai, founder, TradeWatch. Officials met EAM "
            "S Jaishankar, and Arun K Bose, president of the exporters' body, spoke. "
            "PM Modi's Visit was praised.")
    people = [e.name for e in extract_entities(text, "Ravi Menon and Asha Rao")
              if e.kind == "person"]
    assert set(people) == {"Meera Pillai", "S Jaishankar", "Arun K Bose", "Modi"}
    assert "Ravi Menon" not in people  # a byline name is a person only where the text has it
    assert {e.name for e in extract_entities("By Ravi Menon\n\nText.", "Ravi Menon")
            if e.kind == "person"} == {"Ravi Menon"}


def test_war_against_a_country_is_the_war_in_it():
    from analysis.article import extract_entities

    events = [e.name for e in extract_entities("It called for an end to the war against "
                                               "Ukraine.") if e.kind == "event"]
    assert events == ["War in Ukraine"]


def test_leaders_named_by_surname_alone():
    people = named("Talks between Modi and Putin ran late; Xi sent a message.", "person")
    assert [(n, m) for n, _, m in people] == [
        ("Narendra Modi", 1), ("Vladimir Putin", 1), ("Xi Jinping", 1)]
    # a full name given with a title keeps that spelling, and the surname joins it
    people = named("Foreign Minister Subrahmanyam Jaishankar spoke. Jaishankar left.", "person")
    assert [(n, m) for n, _, m in people] == [("Subrahmanyam Jaishankar", 2)]
    assert named("Putinism is a word of its own.", "person") == []


def test_a_title_then_a_comma_then_the_name():
    people = named("The Commerce Minister, Piyush Goyal, had said so.", "person")
    assert [n for n, _, _ in people] == ["Piyush Goyal"]


def test_a_name_of_an_organisation_said():
    people = named("Meera Pillai of the Exporters Forum said costs rose. Anil Rao of FIEO "
                   "told reporters the same.", "person")
    assert [n for n, _, _ in people] == ["Meera Pillai", "Anil Rao"]
    assert named("The Bankers’ Chamber of Commerce (BCC) said nothing.", "person") == []


def test_un_vote_events():
    events = named("Ukraine's allies condemned the aggression against Ukraine at an "
                   "emergency special session.", "event")
    assert [n for n, _, _ in events] == ["War in Ukraine",
                                         "UN General Assembly emergency special session"]


def test_counterparts_specialists_envoys_to_the_un_and_a_special_military_operation():
    from analysis.article.entities import extract_entities

    text = ("The minister met her Peruvian counterpart Rosa Quispe in Lima. "
            "\"Prices will ease,\" Tomas Lind, a specialist in copper trade, said. "
            "The permanent representative to the UN KV Menon spoke after the special military "
            "operation in Ukraine began.")
    got = {(e.kind, e.name) for e in extract_entities(text)}
    assert {("person", "Rosa Quispe"), ("person", "Tomas Lind"), ("person", "KV Menon"),
            ("event", "War in Ukraine")} <= got


def test_secretaries_and_a_title_with_its_acronym():
    people = [n for n, _, _ in named("Talks were held with US Trade Representative (USTR) Jane "
                                     "Doerr and US Commerce Secretary Carl Mendes.", "person")]
    assert people == ["Jane Doerr", "Carl Mendes"]


def test_a_minister_of_state_for_a_portfolio_is_a_title():
    people = [n for n, _, _ in named("Talks were held with Peru's minister of state for trade "
                                     "Luis Ortega Vargas in Lima.", "person")]
    assert people == ["Luis Ortega Vargas"]


def test_a_conflict_named_by_its_country_is_the_war_there():
    events = [n for n, _, _ in named("Oil flows shifted amid the conflict in Ukraine; the "
                                     "Ukraine conflict entered its third year.", "event")]
    assert events == ["War in Ukraine"]


def test_older_country_names_news_still_uses():
    text = "Abstaining were Croatia, Czech Republic, Burma and Ivory Coast; Turkiye voted yes."
    assert [(n, c) for n, c, _ in named(text, "country")] == [
        ("Croatia", "HRV"), ("Czechia", "CZE"), ("Myanmar", "MMR"), ("Côte d'Ivoire", "CIV"),
        ("Türkiye", "TUR")]


def test_hyphenated_names_particles_and_more_titles():
    text = ("Envoy Maria Lopez-Garcia met Sheikh Khalid bin Zayed Al Nahyan and longtime leader "
            "Omar Haddad. Students of the Prince Faisal Institute attended.")
    assert [n for n, _, _ in named(text, "person")] == [
        "Maria Lopez-Garcia", "Khalid bin Zayed Al Nahyan", "Omar Haddad"]


def test_titles_with_a_portfolio_or_a_posting_and_names_on_their_own_line():
    text = ("Minister of State for Commerce and Industry Meena Rao spoke. Ambassador of India to "
            "Peru Arun Das agreed. The trade notes\n\nStaff\n\nfollow. A chamber's head, said "
            "Vikram Shah, President, Fieo.")
    assert [n for n, _, _ in named(text, "person")] == ["Meena Rao", "Arun Das", "Vikram Shah"]


def test_a_grouping_named_in_full_after_a_hyphen_but_not_an_acronym():
    assert named("the India-Eurasian Economic Union FTA", "grouping") == [
        ("Eurasian Economic Union", "EAEU", 1)]
    assert named("a pro-EU party", "grouping") == []
