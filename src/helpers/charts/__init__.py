"""The charts layer: matplotlib figures, their titles and their alt text, from analysis tables.

``style`` holds the house style (colours, margins, date axes, title and source line, how an
event is drawn), ``words`` the phrases every chart shares, ``output`` how a chart is shown and
written. Each other module is one chart: its ``headline`` (the finding, as the title), its
``alt_text`` (made from the data) and its drawing, split into named steps.
"""
