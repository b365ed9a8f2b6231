from . import portal_faq
