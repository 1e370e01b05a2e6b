"""Logframes as donors ask for them and practitioners keep them: workbooks (and the matrix as CSV).

The three layouts (docs/logframes.md) are read into and written from one neutral table of
results (:mod:`toc.io.logframe.table`), so that each layout is a reader and a writer of that
table only, and the model is built and taken apart in one place:

* :mod:`.cells` opens a workbook or CSV file safely and gives each sheet as plain text cells;
* :mod:`.read` finds the layout by its header words and reads the results of each sheet;
* :mod:`.table` turns results into a model (with each element's sheet and cell) and back;
* :mod:`.write` writes the results of a model in a layout;
* :mod:`.formats` holds the registry's readers and writers (``xlsx``, ``csv``).
"""
