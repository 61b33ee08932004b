import pytest

from consistency.extract.polarity import polarity

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp():
    from consistency.extract.nlp import load_nlp

    return load_nlp()


def pol(nlp, text: str) -> tuple[bool, str | None]:
    return polarity(next(iter(nlp(text).sents)))


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Russia did not attack the village.", (True, None)),
        ("He never visited Minsk.", (True, None)),
        ("No one was killed in the attack, officials said.", (True, None)),
        ("'We are not seeking confrontation,' Wolffovich clarified.", (True, None)),
        ("Belarus is no longer a passive player.", (True, None)),
        ("Russia refused to withdraw its troops.", (True, None)),
        ("He said he won't resign.", (True, "expected")),
    ],
)
def test_polarity_negated_main_assertion(nlp, text, expected):
    assert pol(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Moscow denied that its troops had crossed the border.",
        "Moscow rejected reports that its troops had crossed the border.",
        "The ministry dismissed claims that the plant was damaged.",
        "It is not true that the army withdrew.",
        "Claims that the plant was damaged are baseless, the ministry said.",
        "Lukashenko has repeatedly denied any intention to involve Belarus in a direct conflict.",
    ],
)
def test_polarity_denial_negates_content(nlp, text):
    assert pol(nlp, text) == (True, "denied")


def test_polarity_negation_inside_denied_content_flips_back(nlp):
    assert pol(nlp, "He did not deny that the troops were there.") == (False, None)


@pytest.mark.parametrize(
    "text",
    ["He refused to confirm that 40 soldiers died.", "The spokesman declined to comment.",
     "Officials did not say whether the plant was damaged."],
)
def test_polarity_refusing_to_confirm_is_not_a_negation(nlp, text):
    assert pol(nlp, text) == (False, "possible")


@pytest.mark.parametrize(
    "text",
    [
        "But we are ensuring that our capabilities are not only visible but also credible.",
        "Minsk's alignment with Moscow is not just symbolic, Lukashenko said.",
        "The minister, who never visited Kyiv, announced new sanctions.",
        "Although he did not attend, the summit approved the plan.",
        "He said the report, which did not name sources, was accurate.",
    ],
)
def test_polarity_not_flagged(nlp, text):
    assert pol(nlp, text) == (False, None)


@pytest.mark.parametrize(
    "text,modality",
    [
        ("Troops reportedly crossed the border.", "reported"),
        ("The drone was allegedly launched from Belarus.", "reported"),
        ("According to TASS, the system is operational.", "reported"),
        ("The soldiers are said to have crossed the border.", "reported"),
        ("The system is expected to enter service next year.", "expected"),
        ("The summit is set to open on Monday.", "expected"),
        ("Russia plans to deploy missiles.", "expected"),
        ("The missiles will be deployed in December.", "expected"),
        ("The system would be fully operational by December, he said.", "expected"),
        ("The attack may have killed 40 people.", "possible"),
        ("It could point to NATO's expansion plans.", "possible"),
        ("Possibly 40 people died.", "possible"),
        ("Forty people died in the attack.", None),
    ],
)
def test_polarity_modality(nlp, text, modality):
    negated, found = pol(nlp, text)
    assert not negated
    assert found == modality


@pytest.mark.parametrize(
    "text",
    [
        "Reports of a second outbreak in the city are untrue.",
        "The story about the stolen tanks is a hoax.",
        "Ministry DENIES that troops crossed the border.",
    ],
)
def test_polarity_false_frames_and_headline_casing(nlp, text):
    assert pol(nlp, text) == (True, "denied")
