"""Drawing pieces shared by scenes and steps: theme colours, panels and focusable widgets."""
