"""What teachers and parents control: the adult PIN, classes, topic controls, class settings and
the progress views. No pygame here: the adult scenes in game/scenes/teacher/ draw it."""
