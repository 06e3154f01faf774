"""Evaluation against public gold data: PolNeAR attributions and CoNLL-2003 entities."""
