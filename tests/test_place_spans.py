"""Which names in a sentence are places: people by title and buildings are not."""

from __future__ import annotations

from frontwatch.extraction.places import find_places


def test_a_person_named_by_title_after_at_is_no_place(nlp):
    doc = nlp("At President Biden's direction, US forces struck two facilities near Abu Kamal.")
    assert [p.text for p in find_places(doc, set())] == ["Abu Kamal"]
    doc = nlp("Gunmen looted the warehouse of the Medical Centre in Solenzo.")
    assert "Medical" not in [p.text for p in find_places(doc, set())]


def test_portuguese_and_spanish_particles_stay_inside_a_name(nlp):
    doc = nlp("Clashes were reported in Palma, Nangade and Mocimboa da Praia districts.")
    assert [p.text for p in find_places(doc, set())] == ["Palma", "Nangade",
                                                         "Mocimboa da Praia"]
