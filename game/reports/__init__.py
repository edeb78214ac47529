"""Printable reports for teachers and parents: a class report (PDF or a self-contained web
page, both with charts), and lesson cards. No pygame, except to make lesson thumbnails."""
