"""The confrontation: drone swarms as numpy structure-of-arrays, flow fields, waves.

esper keeps the few rich entities (murals, barriers, emitters, Elara); thousands of drones
live here as integer arrays updated by vectorised systems (see docs/ARCHITECTURE.md).
"""
