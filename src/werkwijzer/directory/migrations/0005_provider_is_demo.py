from django.db import migrations, models


def mark_demo(apps, schema_editor):
    # Until now a demo entry was recognised by its id; seeding sets the flag from here on.
    Provider = apps.get_model("directory", "Provider")
    Provider.objects.filter(external_id__startswith="demo-", email__endswith=".example").update(
        is_demo=True
    )


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0004_verification_reminder"),
    ]

    operations = [
        migrations.AddField(
            model_name="provider",
            name="is_demo",
            field=models.BooleanField(
                default=False, editable=False, verbose_name="demo entry (made up)"
            ),
        ),
        migrations.RunPython(mark_demo, migrations.RunPython.noop),
    ]
