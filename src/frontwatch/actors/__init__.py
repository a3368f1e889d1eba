"""Canonical actor names (ACLED style) from an editable data file of actors and aliases."""

from frontwatch.actors.catalog import ActorCatalog, ActorEntry, ActorMatch

__all__ = ["ActorCatalog", "ActorEntry", "ActorMatch"]
