"""Which names in a sentence are places: people by title and buildings are not."""

from __future__ import annotations

import pytest

from frontwatch.extraction.places import find_places, mark_containers, names_people
from frontwatch.model import PlaceMention


def test_a_person_named_by_title_after_at_is_no_place(nlp):
    doc = nlp("At President Biden's direction, US forces struck two facilities near Abu Kamal.")
    assert [p.text for p in find_places(doc, set())] == ["Abu Kamal"]
    doc = nlp("Gunmen looted the warehouse of the Medical Centre in Solenzo.")
    assert "Medical" not in [p.text for p in find_places(doc, set())]


def test_portuguese_and_spanish_particles_stay_inside_a_name(nlp):
    doc = nlp("Clashes were reported in Palma, Nangade and Mocimboa da Praia districts.")
    assert [p.text for p in find_places(doc, set())] == ["Palma", "Nangade",
                                                         "Mocimboa da Praia"]


def _roles(text: str, names: list[str]) -> list[str]:
    places = [PlaceMention(n, text.index(n), text.index(n) + len(n)) for n in names]
    mark_containers(text, places)
    return [pl.role for pl in places]


@pytest.mark.parametrize(("text", "names", "roles"), [
    ("Fighting in Yei County, Central Equatoria, displaced 700 people.",
     ["Yei County", "Central Equatoria"], ["at", "region"]),
    ("Recurring violence in Tambura town, Western Equatoria, displaced thousands.",
     ["Tambura", "Western Equatoria"], ["at", "region"]),
    ("Six aid workers killed in Jonglei's Duk County", ["Jonglei", "Duk County"],
     ["region", "at"]),
    # lists of places stay places of the act
    ("liberated Khirbet Makman village, Al-Qadir town and Bir Rahum.",
     ["Khirbet Makman", "Al-Qadir", "Bir Rahum"], ["at", "at", "at"]),
    ("clashes in Nasir, Ulang and Longochuk counties", ["Nasir", "Ulang", "Longochuk"],
     ["at", "at", "at"]),
    ("fighting in Yei County, Morobo and Lainya", ["Yei County", "Morobo", "Lainya"],
     ["at", "at", "at"]),
])
def test_the_province_after_a_place_of_a_kind_is_its_container(text, names, roles):
    assert _roles(text, names) == roles


@pytest.mark.parametrize(("text", "name", "people"), [
    ("The clashes between Dogon and Peul communities claimed several lives.", "Dogon", True),
    ("Fulani herders clashed with farmers near Mopti.", "Fulani", True),
    ("Initial field reports indicate a major attack.", "Initial field", True),
    ("Fighting in the Shaer field killed ten.", "Shaer field", False),
    ("Clashes in Mopti and Segou killed ten.", "Mopti", False),
])
def test_a_people_or_a_field_report_is_no_place(text: str, name: str, people: bool) -> None:
    start = text.index(name)
    assert names_people(text, PlaceMention(name, start, start + len(name))) is people
