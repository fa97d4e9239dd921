from werkwijzer.core.seeding import SeedContext
from werkwijzer.helpers.content import load_helper_files
from werkwijzer.helpers.services import save_helper


def seed(context: SeedContext) -> None:
    helpers = load_helper_files(context.content_dir / "helpers")
    for content in helpers:
        save_helper(content)
    context.write(f"helpers: {len(helpers)} helper kinds")
