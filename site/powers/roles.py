"""Who keeps the supervisory power and responsibility list: officers draft it, leaders approve its publication."""
from roles.definitions import LEADER, OFFICER

READ = ["powers.view_poweritem", "powers.view_powerlistrelease"]
PERMISSIONS = {
    OFFICER: READ + ["powers.add_poweritem", "powers.change_poweritem", "powers.delete_poweritem"],
    LEADER: READ + ["powers.publish_powerlist"],
}
