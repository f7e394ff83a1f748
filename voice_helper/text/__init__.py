"""Language analysis shared by understanding (``nlu``) and composing (``compose``).

Pure: no I/O beyond its dictionaries and data files. One sentence is analysed once (results are
cached), and the parse, the crisis check and the message all read that analysis.
"""
