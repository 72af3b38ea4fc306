"""Teachers' classes, assignments and class dashboard, and learners joining classes."""
