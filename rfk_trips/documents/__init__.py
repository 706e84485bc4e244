"""What a trip becomes on paper and in other programs: programmes, calendar, reminders.

The printed programme as a document model (programme_content), rendered as PDF, text or
Markdown, printed through `lp`; the trip as an Outlook calendar file; SMS reminders as a file
for the municipality's SMS system. The fonts for the PDF are shipped in fonts/.
"""
