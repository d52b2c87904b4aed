"""The catalogue page, what trainers and approvers may do under it, and the review workflow.

Formateur: create, edit, preview and submit course pages, but not publish.
Responsable pédagogique: the same plus publish, and approves submissions (notified by email).
"""

from django.db import migrations

TRAINER, APPROVER = "Formateur", "Responsable pédagogique"
PAGE_PERMISSIONS = {
    TRAINER: ["add_page", "change_page"],
    APPROVER: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
MEDIA_PERMISSIONS = {
    ("wagtailimages", "image"): ["add_image", "change_image", "choose_image"],
    ("wagtaildocs", "document"): ["add_document", "change_document", "choose_document"],
}


def permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    found, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ")}
    )
    return found


def setup(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Group = apps.get_model("auth.Group")
    HomePage = apps.get_model("courses.HomePage")
    CourseIndexPage = apps.get_model("courses.CourseIndexPage")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")

    home = HomePage.objects.order_by("path").first()
    if home is None:
        return
    catalogue = CourseIndexPage.objects.filter(path__startswith=home.path, depth=home.depth + 1).first()
    if catalogue is None:
        content_type, _ = ContentType.objects.get_or_create(app_label="courses", model="courseindexpage")
        catalogue = CourseIndexPage.objects.create(
            title="Formations",
            draft_title="Formations",
            slug="formations",
            content_type=content_type,
            path=home.path + "0001",
            depth=home.depth + 1,
            numchild=0,
            url_path=home.url_path + "formations/",
            locale_id=home.locale_id,
            intro="<p>Des formations courtes pour les élus locaux, à suivre à votre rythme.</p>",
            live=True,
        )
        home.numchild += 1
        home.save(update_fields=["numchild"])

    groups = {name: Group.objects.get(name=name) for name in (TRAINER, APPROVER)}
    for name, codenames in PAGE_PERMISSIONS.items():
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=groups[name], page=catalogue, permission=permission(apps, "wagtailcore", "page", codename)
            )
    root_collection = Collection.objects.filter(depth=1).first()
    for group in groups.values():
        for (app_label, model), codenames in MEDIA_PERMISSIONS.items():
            for codename in codenames:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission(apps, app_label, model, codename)
                )

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task, created = GroupApprovalTask.objects.get_or_create(
        name="Relecture pédagogique", defaults={"content_type": task_type, "active": True}
    )
    task.groups.add(groups[APPROVER])
    workflow, _ = Workflow.objects.get_or_create(name="Validation des formations", defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=catalogue, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0003_courseindexpage_lessonpage_modulepage_coursepage"),
        ("users", "0002_roles"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(setup, migrations.RunPython.noop)]
