"""Training and measuring the shipped models, run by hand (`python -m devtools.training.<name>`).

Pure Python over the corpora in ../shared: nothing here is imported by the apps; the models they
write (JSON tables, LightGBM text files, arrays) are what the apps load.
"""
