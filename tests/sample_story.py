"""Three outlets covering one briefing: the small story several test files build a store from."""

STORY = [
    ("Baltic Wire", "2026-03-10", "Defence Minister Ilya Markin told a March 10 press briefing that the first battery had "
     "reached its position. The ministry said 40 soldiers were deployed near the border town of Kesk."),
    ("Riga Post", "2026-03-11", "Defence Minister Ilya Markin told a March 12 press briefing that the first battery had "
     "reached its position. The ministry said 40 soldiers were deployed near the border town of Kesk."),
    ("Harbour Courier", "2026-03-11", "Markin said the first battery had reached its position on Monday. Officials said "
     "the summit would end with a joint declaration."),
]
