"""The tools library's views, one module per part."""

from entraide.library.models import ToolStatus

# The colour family of each status, shared by every page that shows one.
STATUS_TONES = {
    ToolStatus.IN_PROGRESS: "progress",
    ToolStatus.VALIDATED: "waiting",
    ToolStatus.PUBLISHED: "done",
    ToolStatus.ARCHIVED: "closed",
}
