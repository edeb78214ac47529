"""Languages: gettext catalogs, locale negotiation and text direction."""
