"""URLs of the Teach area (``teach_urlpatterns``, namespace ``teach``) and of joining a class
(``learner_urlpatterns``). ``courses.urls`` includes both in its ``kinwise`` namespace."""

from django.urls import path

from . import joining, views

teach_urlpatterns = [
    path("", views.class_list, name="class_list"),
    path("classes/new/", views.class_create, name="class_create"),
    path("classes/<int:pk>/", views.class_dashboard, name="class_dashboard"),
    path("classes/<int:pk>/export.csv", views.class_export, name="class_export"),
    path("classes/<int:pk>/manage/", views.class_manage, name="class_manage"),
    path("classes/<int:pk>/edit/", views.class_edit, name="class_edit"),
    path("classes/<int:pk>/code/", views.class_code, name="class_code"),
    path("classes/<int:pk>/archive/", views.class_archive, name="class_archive"),
    path("classes/<int:pk>/teachers/", views.teacher_add, name="teacher_add"),
    path(
        "classes/<int:pk>/teachers/<int:membership_pk>/remove/",
        views.teacher_remove,
        name="teacher_remove",
    ),
    path(
        "classes/<int:pk>/learners/<int:membership_pk>/remove/",
        views.learner_remove,
        name="learner_remove",
    ),
    path(
        "classes/<int:pk>/learners/<int:membership_pk>/readmit/",
        views.learner_readmit,
        name="learner_readmit",
    ),
    path("classes/<int:pk>/assignments/new/", views.assignment_create, name="assignment_create"),
    path(
        "classes/<int:pk>/assignments/<int:assignment_pk>/",
        views.assignment_edit,
        name="assignment_edit",
    ),
    path(
        "classes/<int:pk>/assignments/<int:assignment_pk>/delete/",
        views.assignment_delete,
        name="assignment_delete",
    ),
    path("classes/<int:pk>/quizzes/<int:page_pk>/", views.quiz_results, name="quiz_results"),
]

learner_urlpatterns = [
    path("classes/join/", joining.join, name="class_join"),
    path("classes/join/<str:code>/", joining.join_confirm, name="class_join_confirm"),
    path("classes/<int:pk>/leave/", joining.leave, name="class_leave"),
    path("classes/<int:pk>/dismiss/", joining.dismiss_removal, name="class_dismiss_removal"),
]
