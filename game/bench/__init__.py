"""The performance suite behind `sango bench`: is the game fast on a school's oldest laptop?

Each module measures one thing the way a classroom meets it (a cold start, a frame, an idle
minute, a key press, a settings change, loading content, memory, download size) and returns
`Measurement`s; `suite` runs them all and prints the table. Timings are medians over repeated
runs, with their spread, so one noisy run never decides a number.
"""
